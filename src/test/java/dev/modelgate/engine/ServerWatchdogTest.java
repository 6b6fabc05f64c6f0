package dev.modelgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.testing.Scripts;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog on its own: when its input ends (the harness died), it stops every server it was
 * told of, the whole tree, a child that ignores TERM and one that left the tree included; a
 * server the harness stopped itself ({@code forget}) is not touched, nor a process that merely
 * has a registered pid.
 */
class ServerWatchdogTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(30)
    void whenTheHarnessIsGoneItStopsTheWholeTreeOfEveryServerStillRegistered() throws Exception {
        Server server = server("a");
        Server forgotten = server("b");
        Process stranger = new ProcessBuilder("sleep", "300").start();
        Process watchdog = ServerWatchdog.start();
        try (OutputStream harness = watchdog.getOutputStream()) {
            long started = server.root.info().startInstant().orElseThrow().toEpochMilli();
            send(harness, "watch " + server.root.pid() + " " + started + " 500 " + tmp.resolve("a/server.log"));
            // The pid of a process started at another time is another process: left alone.
            send(harness, "watch " + stranger.pid() + " 1 500 " + tmp.resolve("c/server.log"));
            send(harness, "watch " + forgotten.root.pid() + " -1 500 " + tmp.resolve("b/server.log"));
            send(harness, "forget " + forgotten.root.pid());
            Thread.sleep(1200); // the watchdog looks at the trees twice a second: it has seen the orphan's parent
            server.orphanParent.destroy(); // leaves the orphan behind, out of the tree
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.orphan.parent().map(p -> p.equals(server.orphanParent)).orElse(false)) {
                assertThat(System.nanoTime()).as("the orphan was re-parented").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(server.root.descendants()).doesNotContain(server.orphan);
        } // end of input: what the watchdog sees when the harness dies
        assertThat(watchdog.waitFor(15, TimeUnit.SECONDS)).isTrue();

        assertThat(server.root.isAlive()).isFalse();
        assertThat(server.stubborn.isAlive()).as("the child that ignores TERM").isFalse();
        assertThat(server.orphan.isAlive()).as("the process that left the tree").isFalse();
        assertThat(Scripts.read(tmp.resolve("a/watchdog.log"))).contains("is gone without stopping it").contains("stopped");
        assertThat(forgotten.root.isAlive()).as("a server the harness stopped itself is not the watchdog's").isTrue();
        assertThat(stranger.isAlive()).as("a process whose start time does not match").isTrue();
        stranger.destroyForcibly();
        ChildProcess.stopTree(forgotten.root, java.util.List.of(forgotten.stubborn, forgotten.orphan),
                Duration.ofMillis(200));
    }

    /** A server tree: a root with a child that ignores TERM, and a parent whose child outlives it. */
    private record Server(ProcessHandle root, ProcessHandle stubborn, ProcessHandle orphanParent,
                          ProcessHandle orphan) {
    }

    private Server server(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path pids = dir.resolve("pids");
        Path script = Scripts.write(dir, "server", String.join("\n",
                "sh -c 'trap \"\" TERM; exec sleep 300' &",
                "echo $! > " + pids + ".1",
                "sh -c 'sleep 300 & echo $! > " + pids + ".3; wait' &",
                "echo $! > " + pids + ".2",
                "wait"));
        Process root = new ProcessBuilder(script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(nonEmpty(Path.of(pids + ".1")) && nonEmpty(Path.of(pids + ".2")) && nonEmpty(Path.of(pids + ".3")))) {
            assertThat(System.nanoTime()).as("the server script started its children").isLessThan(deadline);
            Thread.sleep(20);
        }
        return new Server(root.toHandle(), handle(pids + ".1"), handle(pids + ".2"), handle(pids + ".3"));
    }

    private static boolean nonEmpty(Path p) {
        return Files.exists(p) && !Scripts.read(p).isBlank();
    }

    private static ProcessHandle handle(String file) {
        return ProcessHandle.of(Long.parseLong(Scripts.read(Path.of(file)).trim())).orElseThrow();
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
