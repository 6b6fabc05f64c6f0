package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimLauncher;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.QualificationRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The project's qualification suite against the simulator, booted by the real {@code vllm}
 * engine through a {@code vllm} launcher script: the path a GPU box takes, with known truth.
 */
class SuiteAgainstSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void servedContextIsReadFromTheServerAndTheServerIsStoppedAfterwards() throws IOException {
        Path models = candidate("sim-model", "Apache-2.0");
        Path vllm = SimLauncher.write(tmp.resolve("bin"), SimScript.defaults().withMaxModelLen(131072));

        EngineExecutionResults results = QualificationRun.suite().model("sim-model").results(tmp.resolve("results"))
                .set("modelgate.models", models.toString()).set("modelgate.vllm", vllm.toString())
                .only("licence", "servedContext")
                .execute();

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("servedContext"), finishedSuccessfully()))
                .haveExactly(1, event(test("licence"), finishedSuccessfully()));
        JsonNode result = JSON.readTree(tmp.resolve("results/sim-model.json").toFile());
        assertThat(result.at("/metrics/contextTokens/value").asInt()).isEqualTo(131072);
        assertThat(result.at("/metrics/contextTokens/source").asText()).isEqualTo("/v1/models");
        assertThat(result.at("/requirements/context/status").asText()).isEqualTo("passed");
        assertThat(result.at("/requirements/context/level").asText()).isEqualTo("must");
        assertThat(result.at("/engine/type").asText()).isEqualTo("vllm");
        assertThat(result.at("/engine/version").asText()).isNotBlank();
        assertThat(result.at("/bootSeconds").asDouble()).isPositive();
        long pid = Long.parseLong(result.at("/engine/details/pid").asText());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("simulator process left running").isFalse();
    }

    @Test
    void aServerWithTtft400MsFailsTheTtftMustHaveAndPassesTheRest() throws IOException {
        Path models = candidate("sim-model", "Apache-2.0");
        Path vllm = SimLauncher.write(tmp.resolve("bin"), SimScript.builder().ttftMs(400).interTokenMs(10)
                .outputTokens(12).maxModelLen(131072).build());

        EngineExecutionResults results = QualificationRun.suite().model("sim-model").results(tmp.resolve("results"))
                .set("modelgate.models", models.toString()).set("modelgate.vllm", vllm.toString())
                .set("modelgate.samples", "3").set("modelgate.warmup", "1").set("modelgate.concurrency", "1,2")
                .set("junit.jupiter.conditions.deactivate", "*")
                .execute();

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("ttft"), org.junit.platform.testkit.engine.EventConditions.finishedWithFailure(
                        org.junit.platform.testkit.engine.TestExecutionResultConditions.message(m ->
                                m.matches("Time to first answer token p50 \\(voice-turn\\) 4\\d\\d(\\.\\d+)? ms ≥ 300 ms \\(must-have\\)")))))
                .haveExactly(1, event(test("servedContext"), finishedSuccessfully()))
                .haveExactly(1, event(test("method:decode("), finishedSuccessfully()));
        JsonNode result = JSON.readTree(tmp.resolve("results/sim-model.json").toFile());
        assertThat(result.at("/metrics/ttftMs/p50").asDouble()).isBetween(400.0, 420.0);
        assertThat(result.at("/metrics/ttftMs/n").asInt()).isEqualTo(3);
        assertThat(result.at("/metrics/decodeTokensPerSecond/p50").asDouble()).isBetween(90.0, 101.0);
        assertThat(result.at("/requirements/ttft/status").asText()).isEqualTo("failed");
        assertThat(result.at("/requirements/ttft/level").asText()).isEqualTo("none");
        assertThat(result.at("/metrics/concurrency/1/observedPeak").asInt()).isEqualTo(2);
    }

    @Test
    void resumeReusesDecidedOutcomesOfTheSameConfigurationAndRerunsTheRest() throws IOException {
        Path models = candidate("sim-model", "Apache-2.0");
        Path results = tmp.resolve("results");
        Path vllm = SimLauncher.write(tmp.resolve("bin"), SimScript.defaults().withMaxModelLen(131072));
        QualificationRun.suite().model("sim-model").results(results).set("modelgate.models", models.toString())
                .set("modelgate.vllm", vllm.toString()).set("modelgate.samples", "2").set("modelgate.warmup", "1")
                .set("modelgate.concurrency", "1").execute();
        JsonNode first = JSON.readTree(results.resolve("sim-model.json").toFile());
        String firstStart = first.path("startedAt").asText();

        // The same configuration, but the server can no longer boot: nothing needs it.
        Path broken = dev.modelgate.testing.Scripts.write(tmp.resolve("broken-bin"), "vllm",
                "case \"$1\" in --version) echo 0.12.0-sim;; *) exit 7;; esac");
        EngineExecutionResults resumed = QualificationRun.suite().model("sim-model").results(results)
                .set("modelgate.models", models.toString()).set("modelgate.vllm", broken.toString())
                .set("modelgate.samples", "2").set("modelgate.warmup", "1").set("modelgate.concurrency", "1")
                .set("modelgate.resume", "true").execute();

        JsonNode result = JSON.readTree(results.resolve("sim-model.json").toFile());
        java.util.List<String> decided = new java.util.ArrayList<>();
        first.path("tests").fields().forEachRemaining(t -> {
            String status = t.getValue().path("status").asText();
            if (status.equals("passed") || status.equals("failed")) {
                decided.add(t.getKey());
                assertThat(result.at("/tests/" + t.getKey() + "/status").asText()).as(t.getKey()).isEqualTo(status);
            }
        });
        assertThat(decided).contains("licence", "servedContext");
        resumed.testEvents().assertThatEvents().haveExactly(1, event(test("servedContext"), finishedSuccessfully()));
        assertThat(result.path("resumedFrom").asText()).isEqualTo(firstStart);
        assertThat(result.at("/metrics/contextTokens/value").asInt()).isEqualTo(131072);
        assertThat(result.at("/complete").asBoolean()).isTrue();

        // A changed configuration (another sample count) is measured again.
        EngineExecutionResults changed = QualificationRun.suite().model("sim-model").results(results)
                .set("modelgate.models", models.toString()).set("modelgate.vllm", broken.toString())
                .set("modelgate.resume", "true").set("modelgate.samples", "3").execute();
        changed.testEvents().assertThatEvents().haveAtLeast(1, event(test("servedContext"),
                org.junit.platform.testkit.engine.EventConditions.finishedWithFailure()));
        assertThat(JSON.readTree(results.resolve("sim-model.json").toFile()).has("resumedFrom")).isFalse();
    }

    private Path candidate(String id, String licence) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(dir.resolve(id + ".yaml"), """
                name: Simulated model
                huggingFace: {repo: sim/model}
                engine: {type: vllm, args: [--max-model-len, "131072"]}
                bootTimeoutSeconds: 60
                facts:
                  architecture: Qwen3MoeForCausalLM
                  quantization: FP8
                  license: %s
                  contextLength: 131072
                  moe: true
                """.formatted(licence));
        return dir;
    }
}
