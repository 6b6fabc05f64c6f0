package dev.modelgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path tmp;

    @Test
    void stopsTheWholeTreeEvenAChildThatIgnoresTerm() throws Exception {
        Path pids = tmp.resolve("pids");
        Path script = Scripts.write(tmp, "server", String.join("\n",
                "echo started",
                "sh -c 'trap \"\" TERM; exec sleep 300' &",
                "echo $! > " + pids,
                "exec sleep 300"));
        ChildProcess child = ChildProcess.start(List.of(script.toString()), Map.of(), tmp.resolve("server.log"),
                Duration.ofMillis(500));
        waitFor(() -> Files.exists(pids) && !Scripts.read(pids).isBlank());
        ProcessHandle stubborn = ProcessHandle.of(Long.parseLong(Scripts.read(pids).trim())).orElseThrow();
        ProcessHandle root = child.handle();

        child.close();

        assertThat(stubborn.isAlive()).as("the child that ignores TERM").isFalse();
        assertThat(root.isAlive()).isFalse();
        assertThat(Files.readString(tmp.resolve("server.log"))).contains("started");
        child.close(); // idempotent
    }

    @Test
    void tailGivesTheLastLines() throws Exception {
        Path log = tmp.resolve("x.log");
        Files.writeString(log, "a\nb\nc\nd\n");
        assertThat(ChildProcess.tail(log, 2)).isEqualTo("c\nd");
        assertThat(ChildProcess.tail(tmp.resolve("none.log"), 2)).isEqualTo("(no log)");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(20);
        }
    }
}
