package dev.modelgate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.FastSim;
import dev.modelgate.testing.QualificationRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that fail requests after they were ready, through the real qualification suite with the
 * simulator booted as vLLM: HTTP 500, an error event mid-stream, a malformed event, a stream that
 * stalls, a stream too slow for the request timeout, a server that dies in the middle of a
 * requirement, and an HTTP 500 on one quality case. Each fault breaks the tests it reaches (never
 * fails them, never hangs them), is counted in {@code faults} and named on the requirement,
 * falls into its Allure category, and leaves the later tests and the other candidates alone.
 */
class RequestFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TESTS = List.of("licence", "servedContext", "ttft", "decode", "entityExtraction");
    /** Chat requests before the entity cases: 2 short, 2 voice-turn, 2 fixed-output, 1 long (samples=2, warmup=0). */
    private static final int FIRST_ENTITY_REQUEST = 8;

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void eachRequestFaultBreaksTheTestsItReachesAndIsClassified() throws IOException {
        SimScript fast = FastSim.answeringRight(4);
        SimFleet fleet = new SimFleet(tmp.resolve("fleet"))
                .add("http-500", fast.withFaults(SimScript.Faults.http500At(1)))
                .add("mid-stream", fast.withFaults(SimScript.Faults.midStreamErrorAt(1)))
                .add("malformed", fast.withFaults(SimScript.Faults.malformedEventAt(1)))
                .add("stalls", fast.withFaults(SimScript.Faults.stallAt(1)))
                .add("slow", fast.toBuilder().ttftMs(0).interTokenMs(400).build())
                .add("crashes", fast.withFaults(SimScript.Faults.crashAt(2)))
                .add("case-500", fast.withFaults(SimScript.Faults.http500At(FIRST_ENTITY_REQUEST)))
                .add("healthy", fast);
        Path allure = tmp.resolve("allure-results");
        Path results = tmp.resolve("results");

        QualificationRun.suite().model("http-500,mid-stream,malformed,stalls,slow,crashes,case-500,healthy")
                .results(results).set("modelgate.models", fleet.models().toString())
                .set("modelgate.vllm", fleet.vllm().toString())
                .set("modelgate.samples", "2").set("modelgate.warmup", "0").set("modelgate.concurrency", "1")
                .set("modelgate.idleTimeout", "1.5").set("modelgate.requestTimeout", "3")
                .only(TESTS.toArray(String[]::new))
                .launchWithAllure(allure);

        assertThat(fleet.anyAlive()).as("a simulator process is still running").isFalse();
        AllureResults report = AllureResults.read(allure);

        // The first request fails: the performance series breaks, the server goes on serving.
        expect(results, report, "http-500", "serverErrors", "ServerError", "Server error", "HTTP 500 (InternalServerError)");
        expect(results, report, "mid-stream", "serverErrors", "ServerError", "Server error",
                "server error mid-stream (InternalServerError)");
        expect(results, report, "malformed", "protocolErrors", "ProtocolError", "Protocol error", "malformed stream event");
        expect(results, report, "stalls", "timeouts", "RequestTimeout", "Timeout", "stream stalled: no bytes from"
                + " http://127.0.0.1:");
        assertThat(result(results, "stalls").at("/requirements/ttft/message").asText()).endsWith("after 1.5 s");
        for (String id : List.of("http-500", "mid-stream", "malformed", "stalls")) {
            JsonNode r = result(results, id);
            assertThat(r.at("/tests/entityExtraction/status").asText()).as(id + ": a later requirement")
                    .isEqualTo("passed");
        }

        // Too slow for the request timeout: every request times out, the quality suite included.
        JsonNode slow = expect(results, report, "slow", "timeouts", "RequestTimeout", "Timeout", "request to"
                + " http://127.0.0.1:");
        assertThat(slow.at("/requirements/ttft/message").asText()).contains("did not finish after 3.0 s");
        assertThat(slow.at("/tests/entityExtraction/status").asText()).isEqualTo("broken");
        assertThat(slow.at("/faults/timeouts").asInt()).isEqualTo(1 + 4);

        // Dies during the second TTFT sample: that test and every later one that needs it are broken by it.
        JsonNode crashes = expect(results, report, "crashes", "serverDied", "ServerDied", "Server died",
                "crashes: the server died during this test, exit code 1. Last log lines:");
        assertThat(crashes.at("/requirements/ttft/message").asText())
                .contains("EngineCore encountered a fatal error (simulated crash)");
        for (String later : List.of("decode", "entityExtraction")) {
            assertThat(crashes.at("/tests/" + later + "/status").asText()).isEqualTo("broken");
            assertThat(crashes.at("/tests/" + later + "/message").asText())
                    .startsWith("crashes: the server is no longer running (it died during ttft, exit code 1)");
        }
        assertThat(report.of("crashes", "entityExtraction").orElseThrow().categories()).containsExactly("Server died");
        assertThat(crashes.at("/faults/serverDied").asInt()).isEqualTo(1);
        assertThat(crashes.at("/faults/protocolErrors").asInt()).as("the dropped stream is the death, not a second fault")
                .isZero();

        // One quality case without an answer: the suite is judged on the rest; the fault still counts.
        JsonNode case500 = result(results, "case-500");
        assertThat(case500.at("/tests/ttft/status").asText()).isEqualTo("passed");
        assertThat(case500.at("/tests/entityExtraction/status").asText()).isIn("passed", "failed");
        assertThat(case500.at("/metrics/entityF1/errors").asInt()).isEqualTo(1);
        assertThat(case500.at("/faults/serverErrors").asInt()).isEqualTo(1);

        JsonNode healthy = result(results, "healthy");
        for (String test : TESTS) {
            assertThat(healthy.at("/tests/" + test + "/status").asText()).as(test).isEqualTo("passed");
        }
        assertThat(healthy.at("/faults").toString()).isEqualTo(
                "{\"bootFailures\":0,\"serverErrors\":0,\"protocolErrors\":0,\"timeouts\":0,\"serverDied\":0}");
    }

    /**
     * A request of {@code id}'s TTFT series failed with {@code fault}: the tests before it passed,
     * the performance tests are broken (TTFT with {@code error} saying {@code message}), the fault
     * is counted once (the slow server's quality cases add theirs) and matched by {@code category}.
     */
    private static JsonNode expect(Path results, AllureResults report, String id, String fault, String error,
                                   String category, String message) throws IOException {
        JsonNode r = result(results, id);
        assertThat(r.at("/complete").asBoolean()).as(id).isTrue();
        assertThat(r.at("/tests/licence/status").asText()).as(id).isEqualTo("passed");
        assertThat(r.at("/tests/servedContext/status").asText()).as(id).isEqualTo("passed");
        for (String test : List.of("ttft", "decode")) {
            assertThat(r.at("/tests/" + test + "/status").asText()).as(id + " " + test).isEqualTo("broken");
            AllureResults.Result shown = report.of(id, test).orElseThrow();
            assertThat(shown.status()).as(id + " " + test).isEqualTo("broken");
            if (test.equals("ttft")) {
                assertThat(shown.message()).as(id + " " + test).contains(message);
            }
            assertThat(shown.categories()).as(id + " " + test + ": " + shown.message()).containsExactly(category);
        }
        assertThat(r.at("/requirements/ttft/error").asText()).as(id).isEqualTo(error);
        assertThat(r.at("/requirements/ttft/fault").asText()).as(id).isEqualTo(fault);
        assertThat(r.at("/faults/" + fault).asInt()).as(id + " faults." + fault).isGreaterThanOrEqualTo(1);
        if (!id.equals("slow")) {
            assertThat(r.at("/faults/" + fault).asInt()).as(id + " faults." + fault).isEqualTo(1);
        }
        return r;
    }

    private static JsonNode result(Path results, String id) throws IOException {
        return JSON.readTree(results.resolve(id + ".json").toFile());
    }
}
