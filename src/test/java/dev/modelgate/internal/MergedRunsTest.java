package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.SimAnswers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Two candidates qualified in two separate builds (each against its own simulated server, each
 * writing its own result directory and Allure results), then merged by a third build that boots
 * nothing: its verdict equals that of one build qualifying both, its Allure results hold every
 * test of both runs once with the single build's history ids, and runs measured differently are
 * refused unless merged on purpose.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MergedRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERDICT = "swap verdict vs nemotron-3-nano-30b-a3b-nvfp4";

    @TempDir
    static Path tmp;

    private VllmSimulator fast;
    private VllmSimulator slow;
    private Path models;

    @BeforeAll
    void twoServersAndTwoSeparateRunsAndOneRunOfBoth() throws IOException {
        fast = VllmSimulator.start(script("fast-model", 10));
        slow = VllmSimulator.start(script("slow-model", 400));
        models = Files.createDirectories(tmp.resolve("models"));
        candidate("fast-model", fast);
        candidate("slow-model", slow);
        run("fast-model", tmp.resolve("runs/fast"));
        run("slow-model", tmp.resolve("runs/slow"));
        run("fast-model,slow-model", tmp.resolve("one-build"));
    }

    @AfterAll
    void stop() {
        fast.close();
        slow.close();
    }

    @Test
    void theMergeOfTwoBuildsDecidesAsOneBuildOfBoth() throws IOException {
        Path merged = tmp.resolve("merged");
        TestExecutionSummary summary = merge(merged, Map.of());
        assertThat(summary.getTestsFailedCount()).as("the disqualified candidate's verdict fails").isEqualTo(1);

        JsonNode one = JSON.readTree(tmp.resolve("one-build/modelgate/verdict.json").toFile());
        JsonNode both = JSON.readTree(merged.resolve("modelgate/verdict.json").toFile());
        assertThat(both.at("/baseline/score/total").asDouble()).isEqualTo(one.at("/baseline/score/total").asDouble());
        assertThat(decisions(both)).isEqualTo(decisions(one)).containsKeys("fast-model", "slow-model");
        for (String id : List.of("fast-model", "slow-model")) {
            // Two measurements of the same server: the same figures within the simulator's jitter.
            assertThat(candidate(both, id).at("/score/total").asDouble()).as(id + ": " + candidate(both, id).path("score")
                            + " against " + candidate(one, id).path("score"))
                    .isCloseTo(candidate(one, id).at("/score/total").asDouble(), within(0.005));
            // And the merged verdict is exactly the verdict of the result files it merged.
            JsonNode source = JSON.readTree(tmp.resolve("runs/" + id.replace("-model", "") + "/modelgate/" + id + ".json")
                    .toFile());
            assertThat(candidate(both, id).at("/score/total").asDouble())
                    .isEqualTo(source.at("/score/total").asDouble());
        }
        assertThat(decisions(both).get("slow-model")).startsWith("disqualified");
        assertThat(both.at("/merge/comparable").asBoolean()).isTrue();
        assertThat(both.at("/merge/runs")).hasSize(2);
        assertThat(merged.resolve("modelgate/summary.md")).content().contains("## Merged runs")
                .contains("`fast-model`").contains("`slow-model`").doesNotContain("Mixed configurations");
        assertThat(merged.resolve("modelgate/resource-registry.md")).content().contains("fast-model")
                .contains("slow-model");

        List<JsonNode> mergedTests = results(merged.resolve("allure-results"));
        List<JsonNode> oneTests = results(tmp.resolve("one-build/allure-results"));
        assertThat(historyIds(mergedTests)).as("every test of both runs once, history ids as in one build")
                .isEqualTo(historyIds(oneTests));
        assertThat(mergedTests).extracting(r -> r.path("uuid").asText()).doesNotHaveDuplicates();
        assertThat(mergedTests.stream().filter(r -> r.path("name").asText().equals(VERDICT))).hasSize(2);
        assertThat(merged.resolve("allure-results/environment.properties")).content()
                .contains("verdict.fast-model").contains("verdict.slow-model");
        assertThat(merged.resolve("allure-results/categories.json")).content().contains("Must-have miss");
    }

    @Test
    void runsWithDifferentCaseFilesAreRefusedWithTheDifferenceNamed() throws IOException {
        Path other = copyWithOtherCases();
        Path refused = tmp.resolve("refused");
        TestExecutionSummary summary = QualificationRun.verdictOnly().set("modelgate.models", models.toString())
                .set("modelgate.merge", tmp.resolve("runs/fast") + "," + other)
                .results(refused.resolve("modelgate")).set("modelgate.allureResults", refused.resolve("allure-results").toString())
                .launchWithAllure(refused.resolve("allure-results"));
        assertThat(summary.getTestsFailedCount() + summary.getContainersFailedCount()).isEqualTo(1);
        String message = summary.getFailures().get(0).getException().getMessage();
        assertThat(message).startsWith("Merge refused: the results of 2 runs are not comparable (1 difference)")
                .contains(other.resolve("modelgate") + " (slow-model) differs from " + tmp.resolve("runs/fast/modelgate")
                        + " (fast-model) in cases (the case files)")
                .contains("-Dmodelgate.merge.allowMixed=true");
        assertThat(refused.resolve("modelgate/run.json")).doesNotExist();

        Path mixed = tmp.resolve("mixed");
        merge(mixed, Map.of("modelgate.merge", tmp.resolve("runs/fast") + "," + other,
                "modelgate.merge.allowMixed", "true"));
        JsonNode verdict = JSON.readTree(mixed.resolve("modelgate/verdict.json").toFile());
        assertThat(verdict.at("/merge/comparable").asBoolean()).isFalse();
        assertThat(verdict.at("/merge/mixed/0").asText()).contains("in cases (the case files)");
        assertThat(mixed.resolve("modelgate/summary.md")).content().startsWith("> **Mixed configurations**");
        assertThat(decisions(verdict)).containsKeys("fast-model", "slow-model");
    }

    private Path copyWithOtherCases() throws IOException {
        Path other = tmp.resolve("runs/slow-other-cases");
        try (Stream<Path> walk = Files.walk(tmp.resolve("runs/slow"))) {
            for (Path p : walk.toList()) {
                Path to = other.resolve(tmp.resolve("runs/slow").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        // As a run with one more case file would have written it.
        Path result = other.resolve("modelgate/slow-model.json");
        ObjectNode tree = (ObjectNode) JSON.readTree(result.toFile());
        ((ObjectNode) tree.get("configParts")).put("cases", "0123456789abcdef");
        Files.writeString(result, tree.toPrettyString());
        return other;
    }

    private TestExecutionSummary merge(Path out, Map<String, String> settings) {
        QualificationRun run = QualificationRun.verdictOnly().set("modelgate.models", models.toString())
                .set("modelgate.merge", tmp.resolve("runs/fast") + "," + tmp.resolve("runs/slow"))
                .results(out.resolve("modelgate")).set("modelgate.allureResults", out.resolve("allure-results").toString());
        settings.forEach(run::set);
        return run.launchWithAllure(out.resolve("allure-results"));
    }

    private void run(String ids, Path dir) {
        QualificationRun.suite().withVerdict().model(ids).results(dir.resolve("modelgate"))
                .set("modelgate.models", models.toString())
                .set("modelgate.allureResults", dir.resolve("allure-results").toString())
                .set("modelgate.samples", "2").set("modelgate.warmup", "1").set("modelgate.concurrency", "1")
                .set("modelgate.caseConcurrency", "8")
                .launchWithAllure(dir.resolve("allure-results"));
    }

    private static Map<String, String> decisions(JsonNode verdict) {
        Map<String, String> d = new TreeMap<>();
        verdict.path("candidates").forEach(c -> d.put(c.path("id").asText(), c.path("outcome").asText()));
        return d;
    }

    private static JsonNode candidate(JsonNode verdict, String id) {
        for (JsonNode c : verdict.path("candidates")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no " + id + " in " + verdict);
    }

    private static List<JsonNode> results(Path allure) throws IOException {
        List<JsonNode> r = new ArrayList<>();
        try (Stream<Path> files = Files.list(allure)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                r.add(JSON.readTree(f.toFile()));
            }
        }
        return r;
    }

    private static Set<String> historyIds(List<JsonNode> results) {
        Set<String> ids = new HashSet<>();
        results.forEach(r -> ids.add(r.path("historyId").asText()));
        return ids;
    }

    private static SimScript script(String name, int ttftMs) {
        return SimScript.builder().ttftMs(ttftMs).interTokenMs(2).outputTokens(12).servedName(name).maxModelLen(131072)
                .build().withAnswers(SimAnswers.builtIn(Map.of()));
    }

    private void candidate(String id, VllmSimulator server) throws IOException {
        Files.writeString(models.resolve(id + ".yaml"), """
                name: Simulated %s
                engine: {type: external, url: "%s"}
                facts: {architecture: Qwen3MoeForCausalLM, quantization: NVFP4, license: Apache-2.0,
                        contextLength: 131072, moe: true, modalities: [text, image]}
                stability: {rating: stable, evidence: simulated}
                """.formatted(id, server.baseUrl()));
    }
}
