package dev.modelgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.SimAnswers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two candidates served elsewhere (two simulated servers, 250 ms TTFT, 20 ms between tokens),
 * qualified one after the other and then with {@code modelgate.parallel=2}: the wall time of each
 * run, and each candidate's TTFT and decode speed under both, which must agree within the
 * servers' own jitter. Not a unit test:
 * {@code mvn -Pbench test-compile exec:java -Dbench.main=dev.modelgate.bench.ParallelCandidatesBench}.
 */
public final class ParallelCandidatesBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> IDS = List.of("model-a", "model-b");

    private ParallelCandidatesBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("modelgate-parallel-bench");
        Path models = Files.createDirectories(dir.resolve("models"));
        try (VllmSimulator a = VllmSimulator.start(script("model-a"));
             VllmSimulator b = VllmSimulator.start(script("model-b"))) {
            candidate(models, "model-a", a);
            candidate(models, "model-b", b);
            warmUp(models, dir.resolve("warm-up")); // JIT and class loading, not counted
            double sequential = run(models, dir.resolve("sequential"), 1);
            double parallel = run(models, dir.resolve("parallel"), 2);
            System.out.printf(Locale.ROOT, "wall time, 2 candidates: sequential %.1f s, modelgate.parallel=2 %.1f s"
                    + " (%.2f× faster; the sequential run spent %.1f s per candidate)%n",
                    sequential, parallel, sequential / parallel, sequential / IDS.size());
            for (String id : IDS) {
                JsonNode s = JSON.readTree(dir.resolve("sequential/" + id + ".json").toFile()).path("metrics");
                JsonNode p = JSON.readTree(dir.resolve("parallel/" + id + ".json").toFile()).path("metrics");
                System.out.printf(Locale.ROOT, "%s: TTFT p50 %.1f ms sequential, %.1f ms parallel (injected 250);"
                        + " decode p50 %.2f / %.2f tok/s (injected 50)%n", id, s.at("/ttftMs/p50").asDouble(),
                        p.at("/ttftMs/p50").asDouble(), s.at("/decodeTokensPerSecond/p50").asDouble(),
                        p.at("/decodeTokensPerSecond/p50").asDouble());
            }
        }
    }

    private static double run(Path models, Path results, int parallel) {
        QualificationRun run = QualificationRun.suite().model(String.join(",", IDS)).results(results)
                .set("modelgate.models", models.toString()).set("modelgate.parallel", String.valueOf(parallel))
                .set("modelgate.samples", "10").set("modelgate.warmup", "2").set("modelgate.concurrency", "1")
                .set("modelgate.caseConcurrency", "4")
                .only("ttft", "decode", "toolCallingAccuracy");
        if (parallel > 1) {
            run.set("junit.jupiter.execution.parallel.enabled", "true")
                    .set("junit.jupiter.execution.parallel.config.strategy", "fixed")
                    .set("junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(parallel));
        }
        long start = System.nanoTime();
        run.execute();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void warmUp(Path models, Path results) {
        QualificationRun.suite().model(String.join(",", IDS)).results(results).set("modelgate.models", models.toString())
                .set("modelgate.samples", "2").set("modelgate.warmup", "1").set("modelgate.concurrency", "1")
                .only("ttft").execute();
    }

    private static SimScript script(String name) {
        return SimScript.builder().ttftMs(250).interTokenMs(20).outputTokens(12).servedName(name).maxModelLen(131072)
                .build().withAnswers(SimAnswers.builtIn(Map.of()));
    }

    private static void candidate(Path models, String id, VllmSimulator server) throws IOException {
        Files.writeString(models.resolve(id + ".yaml"), """
                name: Simulated %s
                engine: {type: external, url: "%s"}
                facts: {architecture: Qwen3MoeForCausalLM, quantization: NVFP4, license: Apache-2.0,
                        contextLength: 131072, moe: true}
                stability: {rating: stable, evidence: simulated}
                """.formatted(id, server.baseUrl()));
    }
}
