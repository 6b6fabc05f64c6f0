package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that is interrupted leaves no server behind: the JVM that started the llama.cpp server is
 * itself a child of this test, gets SIGTERM (Ctrl-C, CI cancel) or SIGKILL, and afterwards the
 * operating system's process table must hold no process of that run.
 */
class ShutdownTest {

    @TempDir
    Path workDir;

    @Test
    void sigtermToTheRunStopsItsServer() throws Exception {
        Process run = startRun();
        long server = awaitReady(run);

        run.destroy(); // SIGTERM: the JVM's shutdown hook stops the server tree

        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertGone(server);
    }

    @Test
    void sigkillToTheRunStillStopsItsServer() throws Exception {
        Process run = startRun();
        long server = awaitReady(run);

        run.destroyForcibly(); // SIGKILL: no hook runs; the server notices its parent is gone

        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertGone(server);
    }

    private Process startRun() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ServeUntilKilled.class.getName(), workDir.toString()).redirectErrorStream(true);
        return pb.start();
    }

    /** Reads the run's output until it reports the server's pid. */
    private static long awaitReady(Process run) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        return Long.parseLong(line.substring(6).trim());
                    }
                }
                throw new IllegalStateException("the run ended before its server was ready");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            long pid = ready.get(60, TimeUnit.SECONDS);
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            // keep draining so the run never blocks on a full pipe
            CompletableFuture.runAsync(() -> out.lines().forEach(l -> { }));
            return pid;
        } catch (Exception e) {
            run.destroyForcibly();
            throw e;
        }
    }

    private void assertGone(long server) throws Exception {
        ProcessHandle handle = ProcessHandle.of(server).orElse(null);
        if (handle != null) {
            handle.onExit().get(10, TimeUnit.SECONDS);
        }
        List<ProcessHandle> left = TinyModel.processesMentioning(workDir.toString());
        assertThat(left).as("processes of the interrupted run still alive").isEmpty();
    }
}
