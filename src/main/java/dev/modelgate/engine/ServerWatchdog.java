package dev.modelgate.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops the servers of a harness that died without stopping them. A JVM killed with SIGKILL (or
 * by the out-of-memory killer) runs no shutdown hook, and a vLLM server it started would live on
 * as an orphan holding its GPU memory. So the first server a JVM starts also starts this small
 * watchdog process (one per JVM), which the JVM tells of every server it starts and stops, over
 * the watchdog's standard input. Only the harness holds the other end of that pipe: when the
 * harness dies, however it dies, the watchdog reads end-of-file and stops every server still
 * registered, TERM, then KILL after the server's grace period, over its whole process tree,
 * including processes that left the tree earlier (the watchdog looks at each tree twice a second,
 * as {@link ChildProcess} does). It writes what it did to a {@code watchdog.log} beside the
 * server's log, and exits.
 *
 * <p>Protocol, one line each: {@code watch <pid> <start-ms> <grace-ms> <log-path>} and
 * {@code forget <pid>}; the start time (epoch milliseconds, {@code -1} when unknown) guards
 * against a pid the system has given to another process meanwhile.
 */
public final class ServerWatchdog {

    private static final Duration LOOK_EVERY = Duration.ofMillis(500);
    private static final String JVM_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx32m -Xss256k"
            + " -XX:-UsePerfData -Xshare:auto";

    private static final Map<ProcessHandle, String> REGISTERED = new java.util.LinkedHashMap<>();
    private static Process watchdog;
    private static OutputStream commands;
    private static boolean unavailable;

    private ServerWatchdog() {
    }

    /** Registers a server with this JVM's watchdog, starting the watchdog first if needed. */
    static synchronized void watch(ProcessHandle server, Duration grace, Path log) {
        String line = "watch " + server.pid() + " " + startMillis(server) + " " + grace.toMillis() + " "
                + log.toAbsolutePath();
        REGISTERED.put(server, line);
        send(line);
    }

    /** The server was stopped by the harness itself: the watchdog forgets it. */
    static synchronized void forget(ProcessHandle server) {
        if (REGISTERED.remove(server) != null && commands != null) {
            send("forget " + server.pid());
        }
    }

    /** The watchdog process of this JVM, if one was started. */
    static synchronized Optional<ProcessHandle> process() {
        return Optional.ofNullable(watchdog).map(Process::toHandle);
    }

    private static void send(String line) {
        if (unavailable) {
            return;
        }
        try {
            if (watchdog == null || !watchdog.isAlive()) {
                // First use, or the watchdog itself was killed: a new one learns every server still running.
                watchdog = start();
                commands = watchdog.getOutputStream();
                for (Map.Entry<ProcessHandle, String> registered : REGISTERED.entrySet()) {
                    if (registered.getKey().isAlive() && !registered.getValue().equals(line)) {
                        write(registered.getValue());
                    }
                }
            }
            write(line);
        } catch (IOException | RuntimeException e) {
            unavailable = true;
            System.err.println("[modelgate] warning: no server watchdog (" + e.getMessage() + "); a server started"
                    + " by this run outlives it if the JVM is killed with SIGKILL");
        }
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private static void write(String line) throws IOException {
        commands.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }

    /** Starts a watchdog process; the caller holds its standard input. */
    static Process start() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(JVM_FLAGS.split(" ")));
        command.addAll(List.of("-cp", codeLocation(), ServerWatchdog.class.getName()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static String codeLocation() {
        try {
            return Path.of(ServerWatchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the classes of " + ServerWatchdog.class.getName(), e);
        }
    }

    /** The watchdog process: reads commands until the harness is gone, then stops what is left. */
    public static void main(String[] args) throws IOException {
        Map<Long, Watched> watched = new ConcurrentHashMap<>();
        Thread observer = new Thread(() -> {
            while (true) {
                watched.values().forEach(Watched::observe);
                try {
                    Thread.sleep(LOOK_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "observer");
        observer.setDaemon(true);
        observer.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split(" ", 5);
            try {
                long pid = Long.parseLong(parts[1]);
                if (parts[0].equals("watch") && parts.length == 5) {
                    long start = Long.parseLong(parts[2]);
                    ProcessHandle.of(pid).filter(p -> start < 0 || startMillis(p) == start)
                            .ifPresent(p -> watched.put(pid, new Watched(p, Duration.ofMillis(Long.parseLong(parts[3])),
                                    Path.of(parts[4]))));
                } else if (parts[0].equals("forget")) {
                    watched.remove(pid);
                }
            } catch (RuntimeException e) {
                // a line this version does not understand: ignored
            }
        }
        // End of input: the harness is gone without having stopped these servers.
        List<Thread> stopping = new ArrayList<>();
        for (Watched w : watched.values()) {
            Thread t = new Thread(w::stop, "stop-" + w.root.pid());
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                break;
            }
        }
        System.exit(0);
    }

    /** One server's process tree, as seen so far. */
    private static final class Watched {
        final ProcessHandle root;
        final Duration grace;
        final Path log;
        final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

        Watched(ProcessHandle root, Duration grace, Path log) {
            this.root = root;
            this.grace = grace;
            this.log = log;
            observe();
        }

        void observe() {
            root.descendants().forEach(seen::add);
        }

        void stop() {
            observe();
            long alive = seen.stream().filter(ProcessHandle::isAlive).count() + (root.isAlive() ? 1 : 0);
            if (alive == 0) {
                return;
            }
            note("the harness that started server pid " + root.pid() + " is gone without stopping it; stopping "
                    + alive + " process(es): TERM, then KILL after " + grace.toMillis() / 1000.0 + " s");
            ChildProcess.stopTree(root, seen, grace);
            note("stopped");
        }

        private void note(String text) {
            try {
                Files.writeString(log.resolveSibling("watchdog.log"), Instant.now() + " " + text + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                // nowhere to say it; the stop goes on
            }
        }
    }
}
