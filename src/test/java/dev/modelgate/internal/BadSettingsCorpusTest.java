package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import dev.modelgate.catalog.CatalogException;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.Scripts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Settings a user can get wrong, each through the whole suite: one clear "Configuration error" that
 * names the setting, the value and what is allowed, and nothing booted (the stand-in vllm leaves a
 * marker when it is started).
 */
class BadSettingsCorpusTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("modelgate.gate", "sometimes", "'sometimes' is not a gate", "allowed: must, swap"),
                bad("modelgate.gate", "swpa", "did you mean 'swap'?"),
                bad("modelgate.engine", "vlm", "is not an engine", "did you mean 'vllm'?"),
                bad("modelgate.engine", "docker", "allowed: vllm, external, llamacpp, ollama, vllm-docker"),
                bad("modelgate.resume", "yes", "'yes' is not a boolean; allowed: true, false"),
                bad("modelgate.preflight", "ture", "did you mean 'true'?"),
                bad("modelgate.capacity", "no", "'no' is not a boolean; allowed: true, false"),
                bad("modelgate.samples", "0", "'0' is out of range; allowed: from 1 to 100000 samples"),
                bad("modelgate.samples", "twenty", "'twenty' is not a whole number"),
                bad("modelgate.warmup", "-1", "'-1' is out of range; allowed: from 0 to 1000 requests"),
                bad("modelgate.concurrency", "1,4,,16", "comma-separated (e.g. 1,4,16,64); '' is not one"),
                bad("modelgate.concurrency", "1;4", "'1;4' is not one"),
                bad("modelgate.concurrency", "0,4", "'0' is not one"),
                bad("modelgate.caseConcurrency", "0", "allowed: from 1 to 1024 cases at once"),
                bad("modelgate.caseFilter", "tool-calling/(timer", "is not a valid regular expression: Unclosed group"),
                bad("modelgate.repeats", "0", "'0' is out of range; allowed: from 1 to 100 runs of each case"),
                bad("modelgate.parallel", "two", "'two' is not a whole number; allowed: from 1 to 256 candidates at once"),
                bad("modelgate.bootTimeout", "10m", "'10m' is not a whole number; allowed: from 1 to 86400 seconds"),
                bad("modelgate.requestTimeout", "0", "'0' must be more than 0 seconds"),
                bad("modelgate.idleTimeout", "fast", "'fast' is not a number", "decimals allowed"),
                bad("modelgate.url", "titan:8000", "is not an http(s) URL with a host, e.g. http://titan:8000"),
                bad("modelgate.url", "ftp://titan/models", "is not an http(s) URL"),
                bad("modelgate.hfEndpoint", "huggingface.co", "'huggingface.co' is not an http(s) URL"),
                bad("modelgate.threads", "0", "allowed: from 1 to 1024 threads"),
                bad("modelgate.nvidiaSmi", "/nonexistent/nvidia-smi", "is not an executable file"),
                bad("modelgate.docker", "dockr-not-installed", "is not on the PATH"),
                bad("modelgate.meminfo", "/nonexistent/meminfo", "'/nonexistent/meminfo' is not a file"),
                bad("modelgate.baselineResults", "/nonexistent/results", "'/nonexistent/results' is not a directory"),
                bad("model", "gemma-4-26b-a4", "model=gemma-4-26b-a4: matches no candidate file;"
                        + " did you mean 'gemma-4-26b-a4b'?", "write that as org/name"),
                bad("model", "nemotron-3-nano-30b-a3b-nvfp5", "did you mean 'nemotron-3-nano-30b-a3b-nvfp4'?"));
    }

    private static Arguments bad(String setting, String value, String... expected) {
        return Arguments.of(setting, value, List.of(expected));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("corpus")
    void aBadValueIsOneClearErrorAndNothingBoots(String setting, String value, List<String> expected) {
        Path marker = tmp.resolve("booted");
        QualificationRun run = QualificationRun.suite().model("gemma-4-26b-a4b").results(tmp.resolve("results"))
                .set("modelgate.vllm", Scripts.write(tmp.resolve("bin"), "vllm", "touch " + marker + "; exit 1")
                        .toString())
                .set(setting, value);
        String message = failure(run.execute());
        assertThat(message).startsWith("Configuration error: 1 problem in the settings; nothing was booted.")
                .contains("settings (-D or junit-platform.properties):")
                .contains("- " + (setting.equals("model") ? "" : setting + "=" + value + ": "));
        expected.forEach(e -> assertThat(message).contains(e));
        assertThat(marker).doesNotExist();
    }

    @Test
    void aMisspeltSettingNameOnTheCommandLineIsNamedWithTheRightOne() {
        System.setProperty("modelgate.gatee", "swap");
        try {
            String message = failure(QualificationRun.suite().model("gemma-4-26b-a4b")
                    .results(tmp.resolve("results")).execute());
            assertThat(message).contains("- -Dmodelgate.gatee: is not a setting of modelgate; did you mean"
                    + " 'modelgate.gate'?");
        } finally {
            System.clearProperty("modelgate.gatee");
        }
    }

    @Test
    void severalProblemsComeTogetherWithTheFilesOnes() {
        String message = failure(QualificationRun.suite().model("gemma-4-26b-a4b").results(tmp.resolve("results"))
                .set("modelgate.gate", "sometimes").set("modelgate.samples", "-3")
                .set("modelgate.requirements", tmp.resolve("missing.yaml").toString()).execute());
        assertThat(message).startsWith("Configuration error: 3 problems in the settings and 1 file;");
    }

    @Test
    void anAdHocHuggingFaceIdIsNotTakenForATypo() {
        EngineExecutionResults results = QualificationRun.suite().model("Qwen/Qwen3-8B").results(tmp.resolve("r"))
                .only("licence").execute();
        results.containerEvents().assertThatEvents().doNotHave(event(finishedWithFailure(
                instanceOf(CatalogException.class))));
    }

    private static String failure(EngineExecutionResults results) {
        AtomicReference<String> message = new AtomicReference<>();
        results.containerEvents().failed().stream().forEach(e -> e.getPayload(org.junit.platform.engine
                .TestExecutionResult.class).flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .filter(CatalogException.class::isInstance).ifPresent(t -> message.set(t.getMessage())));
        results.testEvents().assertStatistics(s -> s.started(0));
        assertThat(message.get()).as("a configuration error").isNotNull();
        return message.get();
    }
}
