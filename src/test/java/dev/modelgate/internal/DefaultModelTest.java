package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.testing.QualificationRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The README's main job (the quick start) in small: the embedded default model qualified end to end by llama.cpp on
 * the CPU. Its TTFT, decode speed and memory are real measurements; it fails the quality and
 * quantization must-haves honestly; Allure results are written; no server process is left.
 */
class DefaultModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theTinyStoriesModelIsQualifiedEndToEndOnTheCpu() throws IOException {
        Path allure = tmp.resolve("allure-results");
        TestExecutionSummary summary = QualificationRun.suite().model("stories-260k").results(tmp.resolve("results"))
                .set("modelgate.samples", "3").set("modelgate.warmup", "1").set("modelgate.concurrency", "1,2")
                .launchWithAllure(allure);

        JsonNode result = JSON.readTree(tmp.resolve("results/stories-260k.json").toFile());
        assertThat(result.at("/engine/type").asText()).isEqualTo("llamacpp");
        assertThat(result.at("/engine/version").asText()).contains("llama.cpp");
        assertThat(result.at("/metrics/ttftMs/p50").asDouble()).isPositive();
        assertThat(result.at("/metrics/ttftMs/n").asInt()).isEqualTo(3);
        assertThat(result.at("/metrics/decodeTokensPerSecond/p50").asDouble()).isPositive();
        assertThat(result.at("/metrics/vramGiB/method").asText()).isEqualTo("process-rss");
        assertThat(result.at("/metrics/contextTokens/value").asInt()).isEqualTo(2048);
        assertThat(result.at("/requirements/tool-calling/status").asText()).isEqualTo("failed");
        assertThat(result.at("/requirements/quantization/status").asText()).isEqualTo("failed");
        assertThat(result.at("/requirements/licence/status").asText()).isEqualTo("passed");
        assertThat(result.at("/complete").asBoolean()).isTrue();
        assertThat(summary.getTestsFailedCount()).isPositive();
        try (Stream<Path> files = Files.list(allure)) {
            assertThat(files.filter(f -> f.toString().endsWith("-result.json")).count()).isGreaterThanOrEqualTo(10);
        }
        long pid = Long.parseLong(result.at("/engine/details/pid").asText());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
