package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import dev.modelgate.testing.QualificationRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dmodelgate.url} against a vLLM-dialect server with known timing (the simulator, running
 * on its own): the result file carries its TTFT and decode speed and a concurrency table whose
 * observed peaks equal the targets. Exactness to the millisecond is proven at the measurement
 * level against the simulator's own write log (GroundTruthTest); here the figures travel through
 * the whole qualification and must still be the server's.
 */
class ExternalServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void figuresOfARunningServerReachTheResultFile() throws IOException {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("remote-model.yaml"), """
                name: A model someone else serves
                engine: {type: external, servedName: sim-model}
                facts: {architecture: Qwen3MoeForCausalLM, quantization: FP8, license: Apache-2.0, contextLength: 8192}
                """);
        SimScript script = SimScript.builder().ttftMs(250).interTokenMs(20).outputTokens(12).maxModelLen(8192).build();
        try (VllmSimulator sim = VllmSimulator.start(script)) {
            QualificationRun.suite().model("remote-model").results(tmp.resolve("results"))
                    .set("modelgate.models", models.toString()).set("modelgate.url", sim.baseUrl().toString())
                    .set("modelgate.samples", "4").set("modelgate.warmup", "1").set("modelgate.concurrency", "1,4")
                    .set("modelgate.caseConcurrency", "8")
                    .execute();

            JsonNode result = JSON.readTree(tmp.resolve("results/remote-model.json").toFile());
            assertThat(result.at("/engine/type").asText()).isEqualTo("external");
            double ttft = result.at("/metrics/ttftMs/p50").asDouble();
            assertThat(ttft).as("TTFT is never read before the server wrote it").isGreaterThanOrEqualTo(250.0);
            assertThat(ttft).isCloseTo(250.0, within(25.0));
            assertThat(result.at("/metrics/ttftMs/n").asInt()).isEqualTo(4);
            assertThat(result.at("/metrics/decodeTokensPerSecond/p50").asDouble()).isCloseTo(50.0, within(2.5));
            List<JsonNode> levels = List.of(result.at("/metrics/concurrency/0"), result.at("/metrics/concurrency/1"));
            assertThat(levels).extracting(l -> l.path("target").asInt()).containsExactly(1, 4);
            assertThat(levels).allSatisfy(l ->
                    assertThat(l.path("observedPeak").asInt()).isEqualTo(l.path("target").asInt()));
            assertThat(result.at("/requirements/ttft/status").asText()).isEqualTo("passed");
            assertThat(result.at("/requirements/ttft/level").asText()).isEqualTo("must");
            assertThat(sim.peakInFlight()).isGreaterThanOrEqualTo(4);
        }
    }
}
