package dev.modelgate.engine;

import dev.modelgate.catalog.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A server process started by an engine. Its stdout and stderr go to one log file from the first
 * byte (the operating system writes them, so the child never blocks on a full pipe). Stopping
 * sends TERM to the whole process tree, waits, then KILLs what is left; a JVM shutdown hook does
 * the same for every child still running when the JVM exits (Ctrl-C, SIGTERM), and the
 * {@link ServerWatchdog} does it when the JVM dies without running its hooks (SIGKILL).
 */
public final class ChildProcess implements AutoCloseable {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;
    private final List<String> command;
    private final Duration grace;
    private final java.util.Set<ProcessHandle> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ChildProcess(Process process, Path log, List<String> command, Duration grace) {
        this.process = process;
        this.log = log;
        this.command = command;
        this.grace = grace;
    }

    /**
     * Starts {@code command} with extra environment {@code env}, logging to {@code log}.
     *
     * @throws BootFailure (NOT_INSTALLED) when the executable cannot be started
     */
    public static ChildProcess start(List<String> command, Map<String, String> env, Path log, Duration grace) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            pb.environment().putAll(env);
            ChildProcess child = new ChildProcess(pb.start(), log, List.copyOf(command), grace);
            Reaper.register(child);
            ServerWatchdog.watch(child.handle(), grace, log);
            return child;
        } catch (IOException e) {
            throw new BootFailure(BootFailure.Kind.NOT_INSTALLED, "cannot start " + command.get(0) + ": "
                    + e.getMessage(), OptionalInt.empty(), Optional.of(log));
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        observeTree();
        return process.isAlive();
    }

    /**
     * Remembers the processes the server has started so far. A child whose parent dies is
     * re-parented and no longer a descendant (vLLM's engine core would keep its GPU memory);
     * remembering it lets {@link #close()} stop it anyway.
     */
    public void observeTree() {
        process.toHandle().descendants().forEach(seen::add);
    }

    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    public Path log() {
        return log;
    }

    /** The command line as started, with secrets redacted, for reports. */
    public String commandLine() {
        return Secret.redact(String.join(" ", command));
    }

    /** The last {@code n} lines of the log, secrets redacted. */
    public String tail(int n) {
        return tail(log, n);
    }

    /** The last {@code n} lines of a log file, secrets redacted; "(empty log)" when there are none. */
    public static String tail(Path file, int n) {
        if (!Files.exists(file)) {
            return "(no log)";
        }
        Deque<String> lines = new ArrayDeque<>(n);
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (lines.size() == n) {
                    lines.removeFirst();
                }
                lines.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
        return lines.isEmpty() ? "(empty log)" : Secret.redact(String.join("\n", lines));
    }

    /**
     * The failure of a server that exited before it was ready: "{@code <label>: <who> exited with code <n>
     * before <before>. Command: …}" and the last 40 lines of its log, with the exit code and the log file.
     */
    public BootFailure exitedBefore(BootFailure.Kind kind, String label, String who, String before) {
        int code = exitCode().orElse(-1);
        return new BootFailure(kind, label + ": " + who + " exited with code " + code + " before " + before
                + ". Command: " + commandLine() + "\nLast log lines:\n" + tail(40), OptionalInt.of(code),
                Optional.of(log));
    }

    /** Whether the last lines of the log say that the port was taken ("Address already in use"). */
    public boolean portTaken() {
        String tail = tail(40);
        return tail.contains("Address already in use") || tail.contains("address already in use");
    }

    /** Stops the process tree: TERM to all, wait up to the grace period, then KILL. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        observeTree();
        stopTree(process.toHandle(), seen, grace);
        ServerWatchdog.forget(process.toHandle());
        Reaper.unregister(this);
    }

    /**
     * TERM → wait → KILL over {@code root}, its descendants (collected before anything dies) and
     * {@code alsoSeen} (processes of the tree seen earlier that may have been re-parented).
     */
    public static void stopTree(ProcessHandle root, java.util.Collection<ProcessHandle> alsoSeen, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        root.descendants().forEach(tree::add);
        alsoSeen.stream().filter(ProcessHandle::isAlive).filter(p -> !tree.contains(p)).forEach(tree::add);
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        awaitGone(tree, grace);
        // Descendants that appeared while stopping are collected again.
        root.descendants().forEach(tree::add);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitGone(tree, Duration.ofSeconds(5));
    }

    /** Waits until no process of {@code tree} is alive, at most {@code limit} in all. */
    private static void awaitGone(List<ProcessHandle> tree, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops every child still registered when the JVM shuts down. */
    static final class Reaper {
        private static final java.util.Set<ChildProcess> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (ChildProcess child : List.copyOf(LIVE)) {
                    child.close();
                }
            }, "modelgate-child-reaper"));
        }

        static void register(ChildProcess child) {
            LIVE.add(child);
        }

        static void unregister(ChildProcess child) {
            LIVE.remove(child);
        }
    }
}
