package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.Scripts;
import dev.modelgate.testing.SimAnswers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Two simulated candidates qualified through the whole suite, then the verdict against the
 * declared baseline: the verdict tests, {@code verdict.json} and {@code summary.md} — and every
 * total recomputed here, independently, from the result files with SPEC §5.
 */
class VerdictThroughSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void twoCandidatesAgainstTheDeclaredBaseline() throws IOException {
        Path models = Files.createDirectories(tmp.resolve("models"));
        candidate(models, "fast-model", SimScript.builder().ttftMs(50).interTokenMs(5).outputTokens(12));
        candidate(models, "slow-model", SimScript.builder().ttftMs(400).interTokenMs(5).outputTokens(12));
        Path vllm = Scripts.write(tmp.resolve("bin"), "vllm", "exec '" + Path.of(System.getProperty("java.home"),
                "bin", "java") + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
                + "' dev.modelgate.sim.SimulatorMain \"$@\"");
        Path smi = Scripts.write(tmp.resolve("smi"), "nvidia-smi", String.join("\n",
                "case \"$*\" in",
                "  *--query-compute-apps=*) for p in $(pgrep -f dev.modelgate.sim.SimulatorMain); do echo \"$p, 10758\"; done ;;",
                "  *memory.reserved*) exit 2 ;;",
                "  *--query-gpu=*) echo '0, 143771, 10767' ;;",
                "  *) exit 2 ;;",
                "esac"));
        Path results = tmp.resolve("results");

        EngineExecutionResults run = QualificationRun.suite().withVerdict().model("fast-model,slow-model")
                .results(results).set("modelgate.models", models.toString()).set("modelgate.vllm", vllm.toString())
                .set("modelgate.nvidiaSmi", smi.toString()).set("modelgate.allureResults", tmp.resolve("allure").toString())
                .set("modelgate.samples", "2").set("modelgate.warmup", "1").set("modelgate.concurrency", "1")
                .execute();

        String verdictName = "swap verdict vs nemotron-3-nano-30b-a3b-nvfp4";
        run.testEvents().assertThatEvents()
                .haveExactly(1, event(displayName(verdictName), finishedSuccessfully()))
                .haveExactly(1, event(displayName(verdictName),
                        finishedWithFailure(message(m -> m.startsWith("disqualified: Time to first answer token p50 (voice-turn) 4")
                                && m.contains("ms ≥ 300 ms (must-have)")))));

        JsonNode verdict = JSON.readTree(results.resolve("verdict.json").toFile());
        JsonNode baseline = verdict.path("baseline");
        assertThat(baseline.path("provenance").asText()).isEqualTo("declared");
        double baselineTotal = baseline.at("/score/total").asDouble();
        // Declared: tool calling 0.95 (the only quality figure), 56.5 tok/s (48–65), 130 ms, 18 GiB, no
        // vision, production: 0.4·0.95 + 0.25·0.5 + 0.2·0 + 0.1·0.5 + 0.05·1.
        assertThat(baselineTotal).isCloseTo(0.605, within(1e-9));
        for (JsonNode c : verdict.path("candidates")) {
            JsonNode result = JSON.readTree(results.resolve(c.path("id").asText() + ".json").toFile());
            assertThat(c.at("/score/total").asDouble()).as(c.path("id").asText())
                    .isCloseTo(recompute(result), within(1e-3));
        }
        JsonNode fast = JSON.readTree(results.resolve("fast-model.json").toFile());
        assertThat(fast.at("/metrics/vramGiB/value").asDouble()).isEqualTo(10.51);
        assertThat(fast.path("score").path("outcome").asText()).isNotBlank();
        String summary = Files.readString(results.resolve("summary.md"));
        JsonNode fastVerdict = verdict.path("candidates").get(0);
        assertThat(fastVerdict.at("/score/subScores/Q/missing/0").asText())
                .startsWith("entity F1 left out for every model: the baseline has no figure");
        assertThat(fastVerdict.at("/paired/0/outcome").asText()).isEqualTo("not paired");
        assertThat(fastVerdict.at("/paired/0/why").asText()).startsWith("the baseline's figures are declared");
        assertThat(summary).contains("| NVIDIA Nemotron 3 Nano 30B-A3B (NVFP4) (baseline, declared) |")
                .contains("`fast-model`").contains("`slow-model`").contains("✅ swap").contains("⛔ disqualified");
        assertThat(results.resolve("resource-registry.md")).content().contains("fast-model").contains("10.51");
    }

    /**
     * The score from a result file, against the declared baseline (0.95; 56.5 tok/s; 130 ms; 18 GiB).
     * The baseline declares tool calling only, so Q is tool calling alone for the candidates too.
     */
    private static double recompute(JsonNode r) {
        JsonNode m = r.path("metrics");
        double q = m.at("/toolCallingAccuracy/value").asDouble();
        double p = 0.5 * Math.min(1, m.at("/decodeTokensPerSecond/p50").asDouble() / (2 * 56.5))
                + 0.5 * Math.min(1, 130 / (2 * m.at("/ttftMs/p50").asDouble()));
        double v = m.at("/vision/accepted").asBoolean() && m.at("/vision/value").asDouble() >= 0.5 ? 1 : 0;
        double mem = Math.min(1, 18 / (2 * m.at("/vramGiB/value").asDouble()));
        int faults = 0;
        for (JsonNode f : r.path("faults")) {
            faults += f.asInt();
        }
        double s = 0.8 - 0.1 * faults;
        return 0.40 * q + 0.25 * p + 0.20 * v + 0.10 * mem + 0.05 * s;
    }

    private static void candidate(Path models, String id, SimScript.Builder script) throws IOException {
        Path scriptFile = models.resolve(id + "-sim.json");
        script.servedName(id).maxModelLen(131072).build().withAnswers(SimAnswers.builtIn(Map.of())).save(scriptFile);
        Files.writeString(models.resolve(id + ".yaml"), """
                name: Simulated %s
                engine:
                  type: vllm
                  args: [--max-model-len, "131072"]
                  env: {MODELGATE_SIM_SCRIPT: "%s"}
                facts: {architecture: Qwen3MoeForCausalLM, quantization: NVFP4, license: Apache-2.0,
                        contextLength: 131072, moe: true, modalities: [text, image]}
                stability: {rating: stable, evidence: simulated}
                """.formatted(id, scriptFile));
    }
}
