package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.cases.QualityCases;
import dev.modelgate.cases.ScriptedChatServer;
import dev.modelgate.cases.ToolCallingCase;
import dev.modelgate.catalog.Settings;
import dev.modelgate.sim.SimLauncher;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import dev.modelgate.testing.FastSim;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.SeedCases;
import dev.modelgate.testing.SimAnswers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production baseline measured in the same run as a booted candidate: the baseline is a server
 * someone else runs (the simulator on its own, requiring the key its candidate file names with
 * {@code engine.apiKeyEnv}), the candidate is booted as vLLM and requires the run's key. Each server
 * must get its own key only; the baseline answers six tool-calling cases wrong that the candidate
 * answers right, so the case-by-case comparison must find the candidate better (exact McNemar on
 * 6 discordant cases, all one way: p = 2 · 0.5⁶ = 0.03125), and no difference elsewhere.
 */
class BaselineMeasuredTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Set by the Surefire configuration (pom.xml) for this test. */
    private static final String KEY_ENV = "MODELGATE_TEST_BASELINE_KEY";
    private static final String RUN_KEY = "candidate-run-key-9d2e";
    private static final String BASELINE = "nemotron-3-nano-30b-a3b-nvfp4";

    @TempDir
    Path tmp;

    @Test
    void theBaselineIsMeasuredOnItsOwnServerWithItsOwnKeyAndPairedCaseByCase() throws IOException {
        String baselineKey = System.getenv(KEY_ENV);
        assertThat(baselineKey).as(KEY_ENV + " is set by the Surefire configuration in pom.xml").isNotBlank();
        QualityCases cases = QualityCases.load(Settings.ofMap(Map.of(QualityCases.FILTER, SeedCases.FILTER)));
        List<String> missed = cases.toolCalling().stream().filter(c -> !c.expectsNoCall()).limit(6)
                .map(ToolCallingCase::id).toList();
        assertThat(missed).hasSize(6);
        Map<String, ScriptedChatServer.Reply> wrong = new LinkedHashMap<>();
        missed.forEach(id -> wrong.put(id, ScriptedChatServer.text("Sorry, I cannot do that.")));

        SimScript titan = FastSim.builder(8)
                .servedName("nemotron-prod").apiKey(baselineKey).build().withAnswers(SimAnswers.builtIn(wrong));
        Path models = Files.createDirectories(tmp.resolve("models"));
        Path results = tmp.resolve("results");
        Path allure = tmp.resolve("allure");
        try (VllmSimulator production = VllmSimulator.start(titan)) {
            Files.writeString(models.resolve(BASELINE + ".yaml"), """
                    name: Production model on Titan
                    baseline: true
                    engine: {type: external, url: "%s", servedName: nemotron-prod, apiKeyEnv: %s}
                    facts: {architecture: NemotronHForCausalLM, quantization: NVFP4, license: Apache-2.0,
                            contextLength: 131072, modalities: [text, image]}
                    stability: {rating: production, evidence: simulated}
                    """.formatted(production.baseUrl(), KEY_ENV));
            SimScript candidate = FastSim.builder(8)
                    .servedName("sim-candidate").apiKey(RUN_KEY).build().withAnswers(SimAnswers.builtIn(Map.of()));
            Path vllm = SimLauncher.write(tmp.resolve("bin"), candidate);
            Files.writeString(models.resolve("sim-candidate.yaml"), """
                    name: Simulated candidate
                    engine: {type: vllm, args: [--max-model-len, "131072"]}
                    facts: {architecture: Qwen3MoeForCausalLM, quantization: FP8, license: Apache-2.0,
                            contextLength: 131072, modalities: [text, image]}
                    stability: {rating: stable, evidence: simulated}
                    """);

            QualificationRun.suite().withVerdict().model("sim-candidate," + BASELINE).results(results)
                    .set("modelgate.models", models.toString()).set("modelgate.vllm", vllm.toString())
                    .set("modelgate.apiKey", RUN_KEY).set("modelgate.allureResults", allure.toString())
                    .only("toolCallingAccuracy", "entityExtraction", "kannadaEntities", "kannadaNativeResponse",
                            "imageInput", "swapVerdicts")
                    .launchWithAllure(allure);
        }

        JsonNode base = JSON.readTree(results.resolve(BASELINE + ".json").toFile());
        assertThat(base.at("/engine/type").asText()).isEqualTo("external");
        int total = cases.toolCalling().size();
        assertThat(base.at("/metrics/toolCallingAccuracy/passed").asInt()).as("the baseline was reached with its key")
                .isEqualTo(total - 6);
        JsonNode cand = JSON.readTree(results.resolve("sim-candidate.json").toFile());
        assertThat(cand.at("/metrics/toolCallingAccuracy/passed").asInt()).as("the candidate was reached with the"
                + " run's key").isEqualTo(total);
        assertThat(cand.at("/cases/tool-calling/caseSet").asText()).isEqualTo(base.at("/cases/tool-calling/caseSet")
                .asText());

        JsonNode verdict = JSON.readTree(results.resolve("verdict.json").toFile());
        assertThat(verdict.at("/baseline/provenance").asText()).isEqualTo("measured in this run");
        JsonNode c = Stream.of(JSON.convertValue(verdict.path("candidates"), JsonNode[].class))
                .filter(n -> n.path("id").asText().equals("sim-candidate")).findFirst().orElseThrow();
        Map<String, JsonNode> paired = new LinkedHashMap<>();
        c.path("paired").forEach(p -> paired.put(p.path("requirement").asText(), p));
        assertThat(paired).containsOnlyKeys("tool-calling", "entities", "kannada-entities", "kannada-native", "vision");
        JsonNode tools = paired.get("tool-calling");
        assertThat(tools.path("outcome").asText()).isEqualTo("better");
        assertThat(tools.path("pValue").asDouble()).isEqualTo(0.03125);
        assertThat(tools.path("candidateOnly").asInt()).isEqualTo(6);
        assertThat(tools.path("baselineOnly").asInt()).isZero();
        assertThat(tools.path("pairedCases").asInt()).isEqualTo(total);
        assertThat(paired.get("entities").path("outcome").asText()).isEqualTo("no significant difference");
        assertThat(paired.get("entities").path("pValue").asDouble()).isEqualTo(1.0);
        // The baseline measured: Q over the same three quality figures for both.
        assertThat(verdict.at("/baseline/score/subScores/Q/formula").asText()).contains("tool calling", "entity F1",
                "Kannada");
        assertThat(c.at("/score/subScores/Q/missing")).isEmpty();

        String summary = Files.readString(results.resolve("summary.md"));
        assertThat(summary).contains("(baseline, measured in this run)")
                .contains("sim-candidate — Tool calling accuracy: candidate better (p = 0.031; exact McNemar on " + total
                        + " paired cases: 6 passed by the candidate only, 0 by the baseline only)")
                .contains("**Quality statistics**");
        String verdictTest = allureResultOf(allure, "swap verdict vs " + BASELINE, "sim-candidate");
        assertThat(verdictTest).contains("vs baseline, case by case: Tool calling accuracy: candidate better (p = 0.031");

        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.startsWith(tmp.resolve("bin"))
                    && !p.getFileName().toString().endsWith("-sim.json")).toList()) {
                // Latin-1 reads any bytes (images are attached too); the keys are ASCII.
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain(baselineKey).doesNotContain(RUN_KEY);
            }
        }
    }

    /** The Allure result (JSON text) of the test named {@code name} for {@code model}. */
    private static String allureResultOf(Path dir, String name, String model) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList()) {
                String text = Files.readString(f);
                JsonNode result = JSON.readTree(text);
                boolean forModel = false;
                for (JsonNode p : result.path("parameters")) {
                    forModel |= p.path("name").asText().equals("model") && p.path("value").asText().equals(model);
                }
                if (result.path("name").asText().equals(name) && forModel) {
                    return text;
                }
            }
        }
        throw new AssertionError("no Allure result named '" + name + "' for " + model + " in " + dir);
    }
}
