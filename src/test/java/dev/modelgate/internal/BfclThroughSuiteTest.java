package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.cases.BfclCases;
import dev.modelgate.cases.BfclFixture;
import dev.modelgate.cases.QualityCases;
import dev.modelgate.catalog.Settings;
import dev.modelgate.sim.SimLauncher;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.SimScript.Answer;
import dev.modelgate.sim.SimScript.ScriptedCall;
import dev.modelgate.testing.FastSim;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.SeedCases;
import dev.modelgate.testing.SimAnswers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Questions in the Berkeley Function Calling Leaderboard's format run in the tool-calling
 * requirement against the simulator booted as vLLM: right answers written the way a model writes
 * them (other case, other spacing, an integer for a float, parallel calls in another order) pass,
 * and a wrong one fails.
 */
class BfclThroughSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void leaderboardQuestionsJoinTheToolCallingSuiteAndAreGradedByItsRules() throws IOException {
        Path bfcl = BfclFixture.write(tmp.resolve("bfcl"));
        List<Answer> answers = new ArrayList<>(List.of(
                calls(BfclFixture.LIGHTS, "home_set_lights", "{\"room\": \"Living Room\", \"brightness\": 40}"),
                calls(BfclFixture.CLIMATE, "thermostat_set", "{\"room\": \"Study\", \"temperature\": 22, \"mode\": \"cool\"}"),
                calls(BfclFixture.SPEAKER, "speaker_schedule", "{\"device\": \"kitchen\", \"programme\": \"news\","
                        + " \"window\": [7, 9], \"options\": {\"quiet\": true}}"),
                calls(BfclFixture.ROUTE, "maps_drive_time", "{\"origin\": \"indiranagar\", \"destination\": \"whitefield\"}"),
                Answer.toolCalls(exactly(BfclFixture.WEATHER), ScriptedCall.of("get_weather", "{\"city\": \"Hubli\"}"),
                        ScriptedCall.of("get_weather", "{\"city\": \"Mysuru\"}")),
                // Wrong on purpose: the lights are dimmed, not switched off.
                Answer.toolCalls(exactly(BfclFixture.MORNING), ScriptedCall.of("set_timer", "{\"seconds\": 600}"),
                        ScriptedCall.of("home_set_lights", "{\"room\": \"hallway\", \"brightness\": 10}")),
                Answer.content(exactly(BfclFixture.POEM), "Grey clouds over Lalbagh, the first rain on warm stone.")));
        answers.addAll(List.of(SimAnswers.builtIn(Map.of())));
        int builtIn = QualityCases.load(Settings.ofMap(Map.of(QualityCases.FILTER, SeedCases.FILTER)))
                .toolCalling().size();

        EngineExecutionResults results = run(bfcl, answers);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("toolCallingAccuracy"), finishedSuccessfully()));
        JsonNode result = JSON.readTree(tmp.resolve("results/sim-model.json").toFile());
        assertThat(result.at("/metrics/toolCallingAccuracy/total").asInt()).isEqualTo(builtIn + 7);
        assertThat(result.at("/metrics/toolCallingAccuracy/passed").asInt()).isEqualTo(builtIn + 6);
        assertThat(result.at("/metrics/toolCallingAccuracy/unparsed").asInt()).isZero();
    }

    private static Answer calls(String prompt, String name, String arguments) {
        return Answer.toolCalls(exactly(prompt), ScriptedCall.of(name, arguments));
    }

    private static String exactly(String prompt) {
        return "^" + Pattern.quote(prompt) + "$";
    }

    private EngineExecutionResults run(Path bfcl, List<Answer> answers) throws IOException {
        Path models = FastSim.catalogue(tmp.resolve("models"));
        SimScript script = FastSim.script(8)
                .withAnswers(answers.toArray(Answer[]::new));
        Path vllm = SimLauncher.write(tmp.resolve("bin"), script);
        return QualificationRun.suite().model("sim-model").results(tmp.resolve("results"))
                .set("modelgate.models", models.toString()).set("modelgate.vllm", vllm.toString())
                .set(BfclCases.DIRECTORY, bfcl.toString())
                .set(QualityCases.FILTER, SeedCases.FILTER + "|tool-calling/bfcl-.*")
                .set("modelgate.samples", "2").set("modelgate.warmup", "1").set("modelgate.concurrency", "1")
                .only("toolCallingAccuracy")
                .execute();
    }
}
