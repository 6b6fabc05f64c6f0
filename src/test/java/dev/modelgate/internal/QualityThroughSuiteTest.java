package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.cases.ScriptedChatServer;
import dev.modelgate.sim.SimLauncher;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.SimAnswers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The quality suites of the qualification suite against the simulator booted as vLLM. */
class QualityThroughSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void oneWrongToolCallInTenFailsTheMustHaveAndPerfectAnswersPass() throws IOException {
        int n = dev.modelgate.cases.QualityCases.load(dev.modelgate.catalog.Settings.ofMap(Map.of())).toolCalling().size();
        assertThat(n % 10).as("built-in tool-calling cases, a multiple of ten for this test").isZero();
        Map<String, ScriptedChatServer.Reply> wrong = new java.util.HashMap<>();
        wrong.put("dim-kitchen-lights", ScriptedChatServer.call("set_lights", "{\"room\": \"living room\", \"brightness\": 30}"));
        String[] rows = {"ninety-seconds", "quarter-hour", "asr-words", "code-mixed-hindi", "three-quarters"};
        for (int i = 1; i < n / 10; i++) {
            wrong.put("timer-units-" + rows[i - 1], ScriptedChatServer.call("set_timer", "{\"duration_seconds\": 1}"));
        }
        EngineExecutionResults results = run(wrong);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("toolCallingAccuracy"), finishedWithFailure(message(
                        "tool calling accuracy 90 % ≤ 90 % (must-have)"))))
                .haveExactly(1, event(test("entityExtraction"), finishedSuccessfully()))
                .haveExactly(1, event(test("kannadaEntities"), finishedSuccessfully()))
                .haveExactly(1, event(test("kannadaNativeResponse"), finishedSuccessfully()))
                .haveExactly(1, event(test("imageInput"), finishedSuccessfully()));
        JsonNode result = JSON.readTree(tmp.resolve("results/sim-model.json").toFile());
        assertThat(result.at("/metrics/toolCallingAccuracy/value").asDouble()).isEqualTo(0.9);
        assertThat(result.at("/metrics/toolCallingAccuracy/passed").asInt()).isEqualTo(n - n / 10);
        assertThat(result.at("/metrics/toolCallingAccuracy/total").asInt()).isEqualTo(n);
        assertThat(result.at("/metrics/toolCallingAccuracy/ci95/0").asDouble())
                .isEqualTo(new dev.modelgate.cases.Proportion(n - n / 10, n).wilson95().rounded()[0]);
        assertThat(result.at("/metrics/kannada/entityF1/value").asDouble()).isEqualTo(1.0);
        assertThat(result.at("/metrics/kannada/nativeResponse/value").asDouble()).isEqualTo(1.0);
        assertThat(result.at("/requirements/tool-calling/status").asText()).isEqualTo("failed");
    }

    private EngineExecutionResults run(Map<String, ScriptedChatServer.Reply> overrides) throws IOException {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("sim-model.yaml"), """
                name: Simulated model
                engine: {type: vllm, args: [--max-model-len, "131072"]}
                facts: {architecture: Qwen3MoeForCausalLM, quantization: FP8, license: Apache-2.0,
                        contextLength: 131072, modalities: [text, image]}
                """);
        SimScript script = SimScript.builder().ttftMs(1).interTokenMs(0).outputTokens(8).maxModelLen(131072).build()
                .withAnswers(SimAnswers.builtIn(overrides));
        Path vllm = SimLauncher.write(tmp.resolve("bin"), script);
        return QualificationRun.suite().model("sim-model").results(tmp.resolve("results"))
                .set("modelgate.models", models.toString()).set("modelgate.vllm", vllm.toString())
                .set("modelgate.samples", "2").set("modelgate.warmup", "1").set("modelgate.concurrency", "1")
                .execute();
    }
}
