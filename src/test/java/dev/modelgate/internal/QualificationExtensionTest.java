package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.Evidence;
import dev.modelgate.Qualification;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.CatalogException;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.client.ChatClient;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.Scripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

class QualificationExtensionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A suite with one static test and one that needs the server. */
    @Qualification
    static class Fixture {
        @Test
        @Order(1)
        @Requirement("licence")
        void licence(Candidate candidate, Evidence evidence) {
            evidence.judgeMember("licence", candidate.facts().license());
        }

        @Test
        @Order(2)
        @Requirement("context")
        void servedContext(ChatClient client, Evidence evidence) {
            evidence.judge("served context", client.servedContextLength().orElseThrow());
        }
    }

    @Test
    void withoutModelNothingRunsAndNothingFails() {
        EngineExecutionResults results = QualificationRun.of(Fixture.class).results(tmp).execute();

        results.testEvents().assertStatistics(s -> s.started(0).failed(0));
        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertThat(tmp.resolve("run.json")).doesNotExist();
    }

    @Test
    void staticRequirementFailsWithTheLicenceNamedAndNothingBoots() throws IOException {
        Path marker = tmp.resolve("booted");
        Path vllm = Scripts.write(tmp.resolve("bin"), "vllm", "touch " + marker + "; exit 1");

        EngineExecutionResults results = QualificationRun.of(Fixture.class)
                .model("nemotron-3-nano-30b-a3b-nvfp4").results(tmp).set("modelgate.vllm", vllm.toString())
                .set("junit.jupiter.conditions.deactivate", "*")
                .execute();

        results.testEvents().assertThatEvents().haveExactly(1, event(test("licence"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message("licence LicenseRef-NVIDIA-Open-Model-License is not one of Apache-2.0, MIT (must-have)"))));
        JsonNode result = read(tmp.resolve("nemotron-3-nano-30b-a3b-nvfp4.json"));
        assertThat(result.at("/requirements/licence/status").asText()).isEqualTo("failed");
        assertThat(result.at("/requirements/licence/level").asText()).isEqualTo("none");
        assertThat(result.at("/requirements/licence/value").asText()).isEqualTo("LicenseRef-NVIDIA-Open-Model-License");
        assertThat(result.at("/complete").asBoolean()).isTrue();
        assertThat(read(tmp.resolve("run.json")).at("/candidates/0").asText()).isEqualTo("nemotron-3-nano-30b-a3b-nvfp4");
    }

    @Test
    void serverThatExitsDuringBootBreaksItsTestsWithExitCodeAndLogAndLeavesNoProcess() throws IOException {
        Path pid = tmp.resolve("engine-core.pid");
        Path vllm = Scripts.write(tmp.resolve("bin"), "vllm", String.join("\n",
                "sleep 300 &",
                "echo $! > " + pid,
                "echo 'INFO 11-26 10:00:00 api_server.py:1 vLLM API server version 0.12.0'",
                "echo 'ERROR 11-26 10:00:01 KeyError: invalid tool call parser: nope (chose from { hermes, mistral })' >&2",
                "sleep 1.5",
                "exit 3"));

        EngineExecutionResults results = QualificationRun.of(Fixture.class)
                .model("gemma-4-26b-a4b").results(tmp).set("modelgate.vllm", vllm.toString())
                .execute();

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("licence"), org.junit.platform.testkit.engine.EventConditions
                        .finishedSuccessfully()))
                .haveExactly(1, event(test("servedContext"), finishedWithFailure(instanceOf(BootFailure.class),
                        message(m -> m.contains("server exited with code 3 before it was ready")
                                && m.contains("invalid tool call parser: nope")))));
        JsonNode result = read(tmp.resolve("gemma-4-26b-a4b.json"));
        assertThat(result.at("/bootFailure/exitCode").asInt()).isEqualTo(3);
        assertThat(result.at("/faults/bootFailures").asInt()).isEqualTo(1);
        assertThat(result.at("/requirements/context/status").asText()).isEqualTo("broken");
        assertThat(result.at("/requirements/licence/status").asText()).isEqualTo("passed");
        ProcessHandle engineCore = ProcessHandle.of(Long.parseLong(Scripts.read(pid).trim())).orElse(null);
        assertThat(engineCore == null || !engineCore.isAlive()).as("the server's child survived").isTrue();
    }

    @Test
    void aCandidateThatFailsToBootDoesNotStopTheNext() {
        Path vllm = Scripts.write(tmp.resolve("bin"), "vllm", "echo 'no GPU here'; exit 1");

        EngineExecutionResults results = QualificationRun.of(Fixture.class)
                .model("gemma-4-26b-a4b,qwen-unknown/ad-hoc-model").results(tmp).set("modelgate.vllm", vllm.toString())
                .execute();

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("class-template-invocation:#1"),
                        org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()))
                .haveExactly(1, event(container("class-template-invocation:#2"),
                        org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(1).failed(2).aborted(1));
        assertThat(tmp.resolve("gemma-4-26b-a4b.json")).exists();
        assertThat(tmp.resolve("qwen-unknown/ad-hoc-model.json")).exists();
    }

    @Test
    void adHocCandidateSkipsStaticFactsInsteadOfGuessing() throws IOException {
        Path vllm = Scripts.write(tmp.resolve("bin"), "vllm", "echo 'vllm cannot start here'; exit 1");
        EngineExecutionResults results = QualificationRun.of(Fixture.class)
                .model("someone/unknown-model").results(tmp).set("modelgate.vllm", vllm.toString())
                .execute();

        results.testEvents().assertThatEvents().haveExactly(1, event(test("licence"),
                org.junit.platform.testkit.engine.EventConditions.abortedWithReason(message(m ->
                        m.contains("licence is not declared for someone/unknown-model") && m.contains("ad-hoc")))));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("servedContext"),
                finishedWithFailure(instanceOf(BootFailure.class), message(m -> m.contains("vllm cannot start here")))));
        assertThat(read(tmp.resolve("someone/unknown-model.json")).at("/adHoc").asBoolean()).isTrue();
    }

    @Test
    void everyCatalogueProblemIsReportedTogetherBeforeAnythingBoots() throws IOException {
        Path models = Files.createDirectories(tmp.resolve("team-models"));
        Files.writeString(models.resolve("broken-one.yaml"), "name: Broken\nengine: {type: vllm, argz: []}\n");
        Files.writeString(models.resolve("broken-two.yaml"), "name: [unclosed\n");
        Path marker = tmp.resolve("booted");
        Path vllm = Scripts.write(tmp.resolve("bin"), "vllm", "touch " + marker + "; exit 1");

        EngineExecutionResults results = QualificationRun.of(Fixture.class)
                .model("gemma-4-26b-a4b").results(tmp).set("modelgate.models", models.toString())
                .set("modelgate.vllm", vllm.toString())
                .execute();

        results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(CatalogException.class),
                message(m -> m.contains("2 problems in 2 files; nothing was booted")
                        && m.contains("broken-one.yaml") && m.contains("$.engine: unknown field 'argz'")
                        && m.contains("unknown field 'argz'")
                        && m.contains("broken-two.yaml") && m.contains("not valid YAML")))));
        results.testEvents().assertStatistics(s -> s.started(0));
        assertThat(marker).doesNotExist();
    }

    @Test
    void allureResultsCarryTheCandidateAndTheRequirement() throws IOException {
        Path allure = tmp.resolve("allure-results");
        TestExecutionSummary summary = QualificationRun.of(Fixture.class)
                .model("nemotron-3-nano-30b-a3b-nvfp4").results(tmp.resolve("results"))
                .set("modelgate.vllm", Scripts.write(tmp.resolve("bin"), "vllm", "exit 1").toString())
                .launchWithAllure(allure);

        assertThat(summary.getTestsFailedCount()).isEqualTo(2);
        List<JsonNode> tests;
        try (Stream<Path> files = Files.list(allure)) {
            tests = files.filter(f -> f.toString().endsWith("-result.json")).map(QualificationExtensionTest::read)
                    .toList();
        }
        JsonNode licence = tests.stream().filter(t -> t.path("name").asText().startsWith("licence")).findFirst()
                .orElseThrow();
        assertThat(licence.path("status").asText()).isEqualTo("failed");
        assertThat(labels(licence)).contains("epic=qualification", "feature=Licence", "severity=critical",
                "suite=NVIDIA Nemotron 3 Nano 30B-A3B (NVFP4) (nemotron-3-nano-30b-a3b-nvfp4)");
        assertThat(licence.path("parameters").toString()).contains("\"model\"")
                .contains("nemotron-3-nano-30b-a3b-nvfp4");
        JsonNode context = tests.stream().filter(t -> t.path("name").asText().startsWith("servedContext"))
                .findFirst().orElseThrow();
        assertThat(context.path("status").asText()).isEqualTo("broken");
    }

    private static List<String> labels(JsonNode test) {
        return java.util.stream.StreamSupport.stream(test.path("labels").spliterator(), false)
                .map(l -> l.path("name").asText() + "=" + l.path("value").asText()).toList();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
