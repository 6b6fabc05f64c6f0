package dev.modelgate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.FastSim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C (SIGINT) or SIGTERM to the JVM that runs the suite, while a requirement waits on the
 * server: the JVM ends within seconds, its server is gone from the process table, the result file
 * is readable, incomplete and says which test the interruption broke, and the next candidate is
 * never booted.
 */
class InterruptedRunTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    @Timeout(90)
    void aSignalledHarnessStopsItsServerAndLeavesAReadableIncompleteResult(String signal) throws Exception {
        SimScript fast = FastSim.answeringRight(4);
        SimFleet fleet = new SimFleet(tmp.resolve("fleet"))
                .add("stalls", fast.withFaults(SimScript.Faults.stallAt(1)))
                .add("next", fast);
        Path results = tmp.resolve("results");
        Path resultFile = results.resolve("stalls.json");
        Process harness = QualificationMain.start(tmp.resolve("harness.log"), "model=stalls,next",
                "modelgate.results=" + results, "modelgate.models=" + fleet.models(), "modelgate.vllm=" + fleet.vllm(),
                "modelgate.samples=2", "modelgate.warmup=0", "modelgate.concurrency=1", "modelgate.idleTimeout=60",
                "only=licence,servedContext,ttft");
        try {
            Await.until(Duration.ofSeconds(40), "the TTFT test to wait on the stalled stream", () ->
                    Await.result(resultFile).at("/tests/servedContext/status").asText().equals("passed")
                            && Await.requestInFlight(fleet, "stalls"));
            if (signal.equals("INT")) {
                Assumptions.assumeFalse(ignores(harness.toHandle(), 2), "this test JVM was started with SIGINT"
                        + " ignored (a background job without job control), so its children ignore Ctrl-C too");
            }

            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(harness.pid())).start();
            assertThat(kill.waitFor()).isZero();
            assertThat(QualificationMain.awaitExit(harness, 30)).as("the harness ends after SIG" + signal).isTrue();
        } finally {
            harness.destroyForcibly();
        }

        assertThat(harness.exitValue()).isEqualTo(signal.equals("TERM") ? 143 : 130);
        assertThat(fleet.anyAlive()).as("the simulator outlived its harness").isFalse();
        JsonNode r = Await.result(resultFile);
        assertThat(r.at("/complete").asBoolean()).isFalse();
        assertThat(r.at("/interrupted/test").asText()).isEqualTo("ttft");
        assertThat(r.at("/requirements/ttft/status").asText()).isEqualTo("broken");
        assertThat(r.at("/requirements/ttft/error").asText()).isEqualTo("Interrupted");
        assertThat(r.at("/requirements/ttft/message").asText()).startsWith("interrupted: the run was stopped");
        assertThat(r.at("/tests/licence/status").asText()).isEqualTo("passed");
        assertThat(r.at("/tests/servedContext/status").asText()).isEqualTo("passed");
        assertThat(r.at("/tests").has("ttft")).as("an interrupted test has no outcome to reuse").isFalse();
        assertThat(r.at("/faults").toString()).as("stopping the server is not its fault").isEqualTo(
                "{\"bootFailures\":0,\"serverErrors\":0,\"protocolErrors\":0,\"timeouts\":0,\"serverDied\":0}");
        assertThat(results.resolve("next.json")).as("no candidate starts after the interruption").doesNotExist();
    }

    /** Whether {@code process} ignores signal number {@code signal} (Linux; false where it cannot tell). */
    private static boolean ignores(ProcessHandle process, int signal) throws IOException {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst()
                .map(l -> (Long.parseUnsignedLong(l.substring(7).trim(), 16) & (1L << (signal - 1))) != 0)
                .orElse(false);
    }
}
