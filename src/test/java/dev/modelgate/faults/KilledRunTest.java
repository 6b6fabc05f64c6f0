package dev.modelgate.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.FastSim;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.Scripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Durability: the JVM that runs the suite is killed with SIGKILL (no shutdown hook runs) while a
 * quality requirement waits on the server. Every requirement decided before is in the result file,
 * which is whole JSON and incomplete; the server does not outlive the harness (the watchdog stops
 * it); and {@code -Dmodelgate.resume=true} reuses what was decided and runs only the rest.
 */
class KilledRunTest {

    /** Chat requests before the entity cases: 2 short, 2 voice-turn, 2 fixed-output, 1 long (samples=2, warmup=0). */
    private static final int FIRST_ENTITY_REQUEST = 8;
    private static final List<String> DECIDED = List.of("licence", "servedContext", "ttft", "decode");

    @TempDir
    Path tmp;

    @Test
    @Timeout(90)
    void aKilledHarnessLosesNothingDecidedLeavesNoServerAndResumeRunsTheRest() throws Exception {
        SimScript fast = FastSim.answeringRight(4);
        SimFleet fleet = new SimFleet(tmp.resolve("fleet"))
                .add("durable", fast.withFaults(SimScript.Faults.stallAt(FIRST_ENTITY_REQUEST)));
        Path results = tmp.resolve("results");
        Path resultFile = results.resolve("durable.json");
        String[] settings = {"model=durable", "modelgate.results=" + results, "modelgate.samples=2",
                "modelgate.warmup=0", "modelgate.concurrency=1", "modelgate.idleTimeout=60",
                "only=licence,servedContext,ttft,decode,entityExtraction"};
        Process harness = QualificationMain.start(tmp.resolve("harness.log"), with(settings,
                "modelgate.models=" + fleet.models(), "modelgate.vllm=" + fleet.vllm()));
        try {
            Await.until(Duration.ofSeconds(40), "the entity test to wait on the stalled stream", () ->
                    Await.result(resultFile).at("/tests/decode/status").asText().equals("passed")
                            && Await.requestInFlight(fleet, "durable"));
            harness.destroyForcibly();
            assertThat(QualificationMain.awaitExit(harness, 10)).isTrue();
        } finally {
            harness.destroyForcibly();
        }

        assertThat(harness.exitValue()).isEqualTo(137);
        Await.until(Duration.ofSeconds(10), "the watchdog to stop the simulator of the killed harness",
                () -> !fleet.anyAlive());
        Path watchdogLog = results.resolve("durable/watchdog.log");
        Await.until(Duration.ofSeconds(5), "the watchdog's account", () -> java.nio.file.Files.exists(watchdogLog)
                && Scripts.read(watchdogLog).contains(" stopped"));
        assertThat(Scripts.read(watchdogLog)).contains("the harness that started server pid")
                .contains("is gone without stopping it; stopping 1 process(es)");
        JsonNode killed = Await.result(resultFile);
        assertThat(killed.at("/complete").asBoolean()).isFalse();
        assertThat(killed.has("interrupted")).as("no shutdown hook runs on SIGKILL").isFalse();
        for (String test : DECIDED) {
            assertThat(killed.at("/tests/" + test + "/status").asText()).as(test).isEqualTo("passed");
        }
        assertThat(killed.at("/tests").has("entityExtraction")).isFalse();
        double ttft = killed.at("/requirements/ttft/value").asDouble();
        assertThat(ttft).isPositive();
        assertThat(killed.at("/metrics/decodeTokensPerSecond/n").asInt()).isEqualTo(2);

        // The same configuration on a server whose TTFT would now miss the must-have: what was
        // decided is reused, not measured again; the entity test runs.
        SimFleet again = new SimFleet(tmp.resolve("again")).add("durable", fast.withTtftMs(400));
        EngineExecutionResults resumed = QualificationRun.suite()
                .set("modelgate.resume", "true").set("modelgate.models", again.models().toString())
                .set("modelgate.vllm", again.vllm().toString()).set("model", "durable")
                .set("modelgate.results", results.toString()).set("modelgate.samples", "2")
                .set("modelgate.warmup", "0").set("modelgate.concurrency", "1").set("modelgate.idleTimeout", "60")
                .only("licence", "servedContext", "ttft", "decode", "entityExtraction")
                .execute();

        resumed.testEvents().assertThatEvents().haveExactly(1, event(test("ttft"), finishedSuccessfully()))
                .haveExactly(1, event(test("entityExtraction"), finishedSuccessfully()));
        JsonNode done = Await.result(resultFile);
        assertThat(done.at("/complete").asBoolean()).isTrue();
        assertThat(done.at("/resumedFrom").asText()).isEqualTo(killed.at("/startedAt").asText());
        assertThat(done.at("/requirements/ttft/value").asDouble()).as("reused, not measured again").isEqualTo(ttft);
        assertThat(done.at("/tests/entityExtraction/status").asText()).isEqualTo("passed");
        assertThat(done.at("/metrics/entityF1/value").asDouble()).isEqualTo(1.0);
        assertThat(again.anyAlive()).isFalse();
    }

    private static String[] with(String[] settings, String... more) {
        String[] all = java.util.Arrays.copyOf(settings, settings.length + more.length);
        System.arraycopy(more, 0, all, settings.length, more.length);
        return all;
    }
}
