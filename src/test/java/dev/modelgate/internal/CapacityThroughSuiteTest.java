package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.catalog.ResourceDirs;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import dev.modelgate.testing.QualificationRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * "Capacity at the SLO" through the whole qualification, against a simulator of known capacity
 * K = 6: it generates up to 6 requests at full speed, and one that arrives while more are being
 * generated waits 400 ms per request over 6 before its clock starts. Timings scaled down (TTFT
 * 20 ms, 10 tokens 4 ms apart, an SLO of TTFT p95 < 220 ms): the result file must carry K, and a
 * must-have above K must fail the candidate.
 */
class CapacityThroughSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int K = 6;

    @TempDir
    Path tmp;

    @Test
    void theResultFileCarriesTheSimulatorsCapacityReportedNotJudged() throws IOException {
        JsonNode result = qualify("", finishedSuccessfully());

        JsonNode capacity = result.at("/metrics/capacity");
        assertThat(capacity.path("capacity").asInt()).as(capacity.toPrettyString()).isEqualTo(K);
        assertThat(capacity.path("dimension").asText()).isEqualTo("concurrency");
        assertThat(capacity.path("unit").asText()).isEqualTo("streams");
        assertThat(capacity.path("stoppedBecause").asText())
                .isEqualTo("resolved: 6 concurrent meets the SLO and 7 concurrent does not");
        assertThat(capacity.path("summary").asText()).startsWith("serves 6 concurrent voice turns within the SLO"
                + " (TTFT p95 < 220 ms, ITL p95 < 50 ms), goodput ");
        List<Integer> levels = new ArrayList<>();
        capacity.path("steps").forEach(s -> levels.add(s.path("level").asInt()));
        assertThat(levels).containsExactly(1, 2, 4, 8, 6, 7);
        assertThat(capacity.path("goodput").asDouble()).as("requests within the SLO per second at K").isPositive();
        assertThat(result.at("/requirements/capacity/status").asText()).isEqualTo("passed");
        assertThat(result.at("/requirements/capacity").has("level")).as("reported, not judged").isFalse();
    }

    @Test
    void aMustHaveAboveTheCapacityFailsTheCandidate() throws IOException {
        JsonNode result = qualify("""
                  capacity:
                    title: Capacity at the SLO
                    unit: streams
                    must: ">= 8"
                """, finishedWithFailure(message("Capacity at the SLO 6 streams < 8 streams (must-have)")));

        assertThat(result.at("/metrics/capacity/capacity").asInt()).isEqualTo(K);
        assertThat(result.at("/requirements/capacity/status").asText()).isEqualTo("failed");
        assertThat(result.at("/requirements/capacity/level").asText()).isEqualTo("none");
        assertThat(result.at("/requirements/capacity/must").asText()).isEqualTo("≥ 8 streams");
    }

    private JsonNode qualify(String capacityRow,
                             org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> outcome)
            throws IOException {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("sim-capacity.yaml"), """
                name: A server of known capacity
                engine: {type: external, servedName: sim-model}
                facts: {architecture: Qwen3MoeForCausalLM, quantization: FP8, license: Apache-2.0, contextLength: 8192}
                """);
        SimScript script = SimScript.defaults().withTtftMs(20).withInterTokenMs(4).withOutputTokens(10)
                .withCapacity(K, 400);
        try (VllmSimulator sim = VllmSimulator.start(script)) {
            EngineExecutionResults results = QualificationRun.suite().model("sim-capacity")
                    .results(tmp.resolve("results")).set("modelgate.models", models.toString())
                    .set("modelgate.url", sim.baseUrl().toString())
                    .set("modelgate.requirements", requirements(capacityRow).toString())
                    .withCapacitySearch().only("capacity").execute();
            results.testEvents().assertThatEvents().haveExactly(1, event(test("capacity"), outcome));
        }
        return JSON.readTree(tmp.resolve("results/sim-capacity.json").toFile());
    }

    /** The built-in table with the search scaled down to the simulator's timings, and {@code row} added. */
    private Path requirements(String row) throws IOException {
        String builtIn = Files.readString(ResourceDirs.builtin("requirements.yaml").orElseThrow());
        int from = builtIn.indexOf("\nslo:");
        int to = builtIn.indexOf("\nsampling:");
        assertThat(from).as("the built-in table has an slo: block before sampling:").isPositive().isLessThan(to);
        String table = builtIn.substring(0, from) + """

                slo:
                  - {metric: ttft, percentile: 95, limitMs: 220}
                  - {metric: itl, percentile: 95, limitMs: 50}
                capacity:
                  profile: concurrency
                  low: 1
                  high: 16
                  budgetSeconds: 120
                  requestsPerLevel: 36
                  warmUpSeconds: 0.001   # the first wave, all due at the start, ramps the streams up
                """ + builtIn.substring(to) + (builtIn.endsWith("\n") ? "" : "\n") + row;
        return Files.writeString(tmp.resolve("requirements.yaml"), table);
    }
}
