package dev.modelgate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import dev.modelgate.testing.FastSim;
import dev.modelgate.testing.QualificationRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Servers that never become ready, through the real qualification suite with the simulator booted
 * as vLLM: each breaks the tests of its own candidate that need a server (static requirements are
 * still judged), is classified in the result file and in Allure, leaves no process behind, and
 * the next candidate is qualified as if nothing had happened.
 */
class BootFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOT = "Engine failed to boot";

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void everyBootFaultBreaksItsOwnCandidateOnlyAndLeavesNoProcess() throws Exception {
        SimScript fast = FastSim.script(4);
        SimScript bindsLate = fast.withFaults(SimScript.Faults.bootDelay(700));
        SimFleet fleet = new SimFleet(tmp.resolve("fleet"))
                .add("own-port", fast, "--port", "8000")
                .add("exits", fast.withFaults(SimScript.Faults.exitDuringBoot(200, 1,
                        "RuntimeError: CUDA error: no kernel image is available for execution on the device")))
                .add("never-ready", fast.withFaults(SimScript.Faults.neverReadyServer()), 2)
                .add("port-taken", bindsLate)
                .add("port-raced", bindsLate)
                .add("not-served", fast, "--served-model-name", "other-name")
                .add("healthy", fast);
        Path allure = tmp.resolve("allure-results");
        Path results = tmp.resolve("results");

        TestExecutionSummary summary;
        try (PortThief thief = new PortThief(fleet, Map.of("port-taken", 2, "port-raced", 1))) {
            summary = QualificationRun.suite()
                    .model("own-port,exits,never-ready,port-taken,port-raced,not-served,healthy")
                    .results(results).set("modelgate.models", fleet.models().toString())
                    .set("modelgate.vllm", fleet.vllm().toString())
                    .set("modelgate.samples", "2").set("modelgate.warmup", "0").set("modelgate.concurrency", "1")
                    .only("licence", "servedContext", "ttft")
                    .launchWithAllure(allure);
            assertThat(thief.stolenFrom("port-taken")).hasSize(2);
            assertThat(thief.stolenFrom("port-raced")).hasSize(1);
        }

        assertThat(fleet.anyAlive()).as("a simulator process is still running").isFalse();
        assertThat(summary.getTestsFoundCount()).isEqualTo(7 * 3);
        AllureResults report = AllureResults.read(allure);
        for (String id : List.of("own-port", "exits", "never-ready", "port-taken", "not-served")) {
            JsonNode r = result(results, id);
            assertThat(r.at("/faults/bootFailures").asInt()).as(id).isEqualTo(1);
            assertThat(r.at("/complete").asBoolean()).as(id).isTrue();
            assertThat(r.at("/tests/licence/status").asText()).as(id + ": static tests still run").isEqualTo("passed");
            for (String test : List.of("servedContext", "ttft")) {
                assertThat(r.at("/tests/" + test + "/status").asText()).as(id + " " + test).isEqualTo("broken");
                AllureResults.Result shown = report.of(id, test).orElseThrow();
                assertThat(shown.status()).isEqualTo("broken");
                assertThat(shown.categories()).as(id + " " + test + ": " + shown.message()).containsExactly(BOOT);
            }
            assertThat(r.at("/requirements/ttft/error").asText()).isEqualTo("BootFailure");
            assertThat(r.at("/requirements/ttft/fault").asText()).isEqualTo("bootFailures");
        }

        assertThat(result(results, "own-port").at("/bootFailure/kind").asText()).isEqualTo("INVALID");
        assertThat(result(results, "own-port").at("/bootFailure/message").asText())
                .contains("cannot start vllm with --port in engine.args");

        JsonNode exits = result(results, "exits");
        assertThat(exits.at("/bootFailure/kind").asText()).isEqualTo("EXITED");
        assertThat(exits.at("/bootFailure/exitCode").asInt()).isEqualTo(1);
        assertThat(exits.at("/requirements/ttft/message").asText())
                .contains("exits: server exited with code 1 before it was ready")
                .contains("RuntimeError: CUDA error: no kernel image is available");

        assertBootFailed(result(results, "never-ready"), "TIMEOUT",
                "never-ready: timed out after 2 s waiting for http://127.0.0.1:",
                "(last: /health answered 503)");

        assertBootFailed(result(results, "port-taken"), "PORT_IN_USE",
                "OSError: [Errno 98] Address already in use",
                "were each taken by another process between modelgate choosing them and the server binding");

        JsonNode raced = result(results, "port-raced");
        assertThat(raced.at("/faults/bootFailures").asInt()).isZero();
        assertThat(raced.at("/tests/ttft/status").asText()).as(raced.at("/tests/ttft").toString()).isEqualTo("passed");
        assertThat(raced.at("/engine/details/portsTaken").asText()).matches("\\d+");

        assertBootFailed(result(results, "not-served"), "NOT_SERVED",
                "not-served: the server is up but does not serve 'not-served'; /v1/models lists [other-name]",
                "remove --served-model-name from engine.args and set engine.servedName instead");

        JsonNode healthy = result(results, "healthy");
        assertThat(healthy.at("/tests/servedContext/status").asText()).isEqualTo("passed");
        assertThat(healthy.at("/tests/ttft/status").asText()).as(healthy.at("/tests/ttft").toString())
                .isEqualTo("passed");
        assertThat(healthy.at("/faults").toString()).isEqualTo(
                "{\"bootFailures\":0,\"serverErrors\":0,\"protocolErrors\":0,\"timeouts\":0,\"serverDied\":0}");
    }

    /** A model id the external server does not serve: said at once, with what it serves. */
    @Test
    @Timeout(60)
    void anUnknownModelIdOnAnExternalServerBreaksWithWhatTheServerServes() throws IOException {
        try (VllmSimulator server = VllmSimulator.start(SimScript.defaults())) {
            Path results = tmp.resolve("results");
            QualificationRun.suite().model("no-such-model").results(results)
                    .set("modelgate.url", server.baseUrl().toString())
                    .only("servedContext").execute()
                    .testEvents().assertStatistics(s -> s.started(1).failed(1));

            JsonNode r = result(results, "no-such-model");
            assertThat(r.at("/bootFailure/kind").asText()).isEqualTo("NOT_SERVED");
            String message = r.at("/requirements/context/message").asText();
            assertThat(message).contains("does not serve 'no-such-model'; it serves [sim-model]");
            assertThat(new AllureResults.Result("no-such-model", "servedContext", "broken", message).categories())
                    .containsExactly(BOOT);
            assertThat(r.at("/faults/bootFailures").asInt()).isEqualTo(1);
        }
    }

    /** The candidate's boot failed with this kind, and its message says each of these. */
    private static void assertBootFailed(JsonNode result, String kind, String... messageParts) {
        assertThat(result.at("/bootFailure/kind").asText()).isEqualTo(kind);
        assertThat(result.at("/bootFailure/message").asText()).contains(messageParts);
    }

    private static JsonNode result(Path results, String id) throws IOException {
        return JSON.readTree(results.resolve(id + ".json").toFile());
    }
}
