package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.cases.QualityCases;
import dev.modelgate.cases.ScriptedChatServer;
import dev.modelgate.catalog.Settings;
import dev.modelgate.sim.SimLauncher;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.FastSim;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.SimAnswers;
import java.io.IOException;
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
    void oneWrongToolCallOutOfTenFailsTheMustHaveAndPerfectAnswersPass() throws IOException {
        EngineExecutionResults results = run(Map.of("dim-kitchen-lights",
                ScriptedChatServer.call("set_lights", "{\"room\": \"living room\", \"brightness\": 30}")));

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("toolCallingAccuracy"), finishedWithFailure(message(
                        "tool calling accuracy 90 % ≤ 90 % (must-have)"))))
                .haveExactly(1, event(test("entityExtraction"), finishedSuccessfully()))
                .haveExactly(1, event(test("kannadaEntities"), finishedSuccessfully()))
                .haveExactly(1, event(test("kannadaNativeResponse"), finishedSuccessfully()))
                .haveExactly(1, event(test("imageInput"), finishedSuccessfully()));
        JsonNode result = JSON.readTree(tmp.resolve("results/sim-model.json").toFile());
        assertThat(result.at("/metrics/toolCallingAccuracy/value").asDouble()).isEqualTo(0.9);
        assertThat(result.at("/metrics/toolCallingAccuracy/passed").asInt()).isEqualTo(9);
        assertThat(result.at("/metrics/toolCallingAccuracy/total").asInt()).isEqualTo(10);
        assertThat(result.at("/metrics/toolCallingAccuracy/ci95/0").asDouble()).isBetween(0.59, 0.61);
        assertThat(result.at("/metrics/kannada/entityF1/value").asDouble()).isEqualTo(1.0);
        assertThat(result.at("/metrics/kannada/nativeResponse/value").asDouble()).isEqualTo(1.0);
        assertThat(result.at("/requirements/tool-calling/status").asText()).isEqualTo("failed");
    }

    @Test
    void everyBuiltInCaseAnsweredRightPassesThroughTheWholeSuite() throws IOException {
        QualityCases cases = QualityCases.load(Settings.ofMap(Map.of()));
        EngineExecutionResults results = run(Map.of(), true);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("toolCallingAccuracy"), finishedSuccessfully()))
                .haveExactly(1, event(test("entityExtraction"), finishedSuccessfully()))
                .haveExactly(1, event(test("kannadaEntities"), finishedSuccessfully()))
                .haveExactly(1, event(test("kannadaNativeResponse"), finishedSuccessfully()))
                .haveExactly(1, event(test("imageInput"), finishedSuccessfully()));
        JsonNode result = JSON.readTree(tmp.resolve("results/sim-model.json").toFile());
        assertThat(result.at("/metrics/toolCallingAccuracy/value").asDouble()).isEqualTo(1.0);
        assertThat(result.at("/metrics/toolCallingAccuracy/total").asInt()).isEqualTo(cases.toolCalling().size());
        assertThat(result.at("/metrics/entityF1/value").asDouble()).isEqualTo(1.0);
        assertThat(result.at("/metrics/entityF1/n").asInt()).isEqualTo(cases.entities().size());
        assertThat(result.at("/metrics/kannada/entityF1/n").asInt()).isEqualTo(cases.kannadaEntities().size());
        assertThat(result.at("/metrics/kannada/nativeResponse/total").asInt()).isEqualTo(cases.kannadaNative().size());
        assertThat(result.at("/metrics/vision/total").asInt()).isEqualTo(cases.vision().size());
        assertThat(result.at("/metrics/vision/value").asDouble()).isEqualTo(1.0);
    }

    private EngineExecutionResults run(Map<String, ScriptedChatServer.Reply> overrides) throws IOException {
        return run(overrides, false);
    }

    private EngineExecutionResults run(Map<String, ScriptedChatServer.Reply> overrides, boolean allCases)
            throws IOException {
        Path models = FastSim.catalogue(tmp.resolve("models"));
        SimScript script = FastSim.script(8)
                .withAnswers(SimAnswers.builtIn(overrides));
        Path vllm = SimLauncher.write(tmp.resolve("bin"), script);
        QualificationRun run = QualificationRun.suite().model("sim-model").results(tmp.resolve("results"))
                .set("modelgate.models", models.toString()).set("modelgate.vllm", vllm.toString())
                .set("modelgate.samples", "2").set("modelgate.warmup", "1").set("modelgate.concurrency", "1");
        return (allCases ? run.allCases().set("modelgate.caseConcurrency", "16") : run).execute();
    }
}
