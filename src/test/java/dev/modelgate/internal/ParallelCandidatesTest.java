package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.SimAnswers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code modelgate.parallel=2} with JUnit's parallel execution on: two candidates served by two
 * servers elsewhere are qualified at the same time, and each keeps its own server's figures. How much faster that is is a benchmark
 * figure ({@code ParallelCandidatesBench}), not asserted here.
 */
class ParallelCandidatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void twoServersElsewhereAreQualifiedAtOnceWithTheirOwnFigures() throws IOException {
        Path models = Files.createDirectories(tmp.resolve("models"));
        try (VllmSimulator a = VllmSimulator.start(script("model-a", 120));
             VllmSimulator b = VllmSimulator.start(script("model-b", 240))) {
            candidate(models, "model-a", a);
            candidate(models, "model-b", b);
            Path results = tmp.resolve("results");
            parallel(QualificationRun.suite().model("model-a,model-b").results(results)
                    .set("modelgate.models", models.toString()), 2)
                    .only("ttft", "decode", "toolCallingAccuracy", "entityExtraction")
                    .execute();

            JsonNode ra = JSON.readTree(results.resolve("model-a.json").toFile());
            JsonNode rb = JSON.readTree(results.resolve("model-b.json").toFile());
            assertThat(ra.path("complete").asBoolean()).isTrue();
            assertThat(rb.path("complete").asBoolean()).isTrue();
            // Both began before either was done: they ran at the same time.
            Instant doneFirst = Instant.ofEpochMilli(Math.min(results.resolve("model-a.json").toFile().lastModified(),
                    results.resolve("model-b.json").toFile().lastModified()));
            assertThat(Instant.parse(ra.path("startedAt").asText())).isBefore(doneFirst);
            assertThat(Instant.parse(rb.path("startedAt").asText())).isBefore(doneFirst);
            // Each candidate's figures are its own server's.
            assertThat(ra.at("/metrics/ttftMs/p50").asDouble()).as(ra.toPrettyString()).isGreaterThanOrEqualTo(120).isCloseTo(120, within(60.0));
            assertThat(rb.at("/metrics/ttftMs/p50").asDouble()).as(rb.toPrettyString()).isGreaterThanOrEqualTo(240).isCloseTo(240, within(60.0));
            assertThat(ra.at("/requirements/tool-calling/status").asText()).isEqualTo("passed");
            assertThat(rb.at("/requirements/tool-calling/status").asText()).isEqualTo("passed");
        }
    }

    /** What the {@code parallel} Maven profile sets for {@code -Dmodelgate.parallel=n}. */
    static QualificationRun parallel(QualificationRun run, int n) {
        return run.set("modelgate.parallel", String.valueOf(n))
                .set("junit.jupiter.execution.parallel.enabled", "true")
                .set("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .set("junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(n))
                .set("modelgate.samples", "4").set("modelgate.warmup", "1").set("modelgate.concurrency", "1")
                .set("modelgate.caseConcurrency", "8");
    }

    static SimScript script(String name, int ttftMs) {
        return SimScript.builder().ttftMs(ttftMs).interTokenMs(5).outputTokens(12).servedName(name).maxModelLen(131072)
                .build().withAnswers(SimAnswers.builtIn(Map.of()));
    }

    static void candidate(Path models, String id, VllmSimulator server) throws IOException {
        Files.writeString(models.resolve(id + ".yaml"), """
                name: Simulated %s
                engine: {type: external, url: "%s"}
                facts: {architecture: Qwen3MoeForCausalLM, quantization: NVFP4, license: Apache-2.0,
                        contextLength: 131072, moe: true, modalities: [text, image]}
                stability: {rating: stable, evidence: simulated}
                """.formatted(id, server.baseUrl()));
    }
}
