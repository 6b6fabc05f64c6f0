package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.sim.SimLauncher;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.QualificationRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A whole qualification with a known API key and a known HF token: the key must reach the
 * server (else every request fails with 401) and must not appear in any file the run produced:
 * result files, server logs, Allure results and attachments.
 */
class SecretsTest {

    private static final String KEY = "sk-modelgate-test-4f1c2b9e77";
    private static final String TOKEN = "hf_modelgateTestToken8d2a61";

    @TempDir
    Path tmp;

    @Test
    void theApiKeyWorksAndAppearsInNoProducedFile() throws IOException {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("sim-model.yaml"), """
                name: Simulated model
                engine:
                  type: vllm
                  args: [--max-model-len, "131072"]
                  env: {HF_TOKEN: "%s"}
                facts: {architecture: Qwen3MoeForCausalLM, quantization: FP8, license: Apache-2.0,
                        contextLength: 131072}
                """.formatted(TOKEN));
        Path vllm = SimLauncher.write(tmp.resolve("bin"), SimScript.defaults().withMaxModelLen(131072)
                .withApiKey(KEY).withOutputTokens(8));
        Path results = tmp.resolve("results");
        Path allure = tmp.resolve("allure-results");

        TestExecutionSummary summary = QualificationRun.suite().model("sim-model").results(results)
                .set("modelgate.models", models.toString()).set("modelgate.vllm", vllm.toString())
                .set("modelgate.apiKey", KEY).set("modelgate.samples", "2").set("modelgate.warmup", "1")
                .set("modelgate.concurrency", "1,2")
                .launchWithAllure(allure);

        assertThat(summary.getTestsStartedCount()).isPositive();
        assertThat(Files.readString(results.resolve("sim-model.json"))).contains("\"servedContext\"")
                .doesNotContain("Unauthorized");
        List<Path> produced = files(results, allure);
        assertThat(produced).anyMatch(p -> p.toString().endsWith(".log"));
        for (Path file : produced) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertThat(text).as(tmp.relativize(file).toString()).doesNotContain(KEY).doesNotContain(TOKEN);
        }
    }

    private static List<Path> files(Path... roots) throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(all::add);
            }
        }
        return all;
    }
}
