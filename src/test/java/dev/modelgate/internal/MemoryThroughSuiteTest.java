package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimLauncher;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.QualificationRun;
import dev.modelgate.testing.Scripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory requirement through the whole qualification path: the simulator booted as vLLM, a
 * stand-in {@code nvidia-smi} on the settings that reports the captured H200 figure (10,758 MiB)
 * for the simulator's own process id, or {@code [N/A]} as on a DGX Spark.
 */
class MemoryThroughSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theServersProcessFootprintIsReadFromNvidiaSmiAndTheBudgetIsPassedToVllm() throws IOException {
        JsonNode result = run("0, 143771, 10767");

        assertThat(result.at("/metrics/vramGiB/value").asDouble()).isEqualTo(10.51);
        assertThat(result.at("/metrics/vramGiB/method").asText()).isEqualTo("nvidia-smi");
        assertThat(result.at("/metrics/vramGiB/budgetGiB").asDouble()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(result.at("/engine/details/command").asText()).contains("--gpu-memory-utilization");
        assertThat(result.at("/requirements/vram/status").asText()).isEqualTo("passed");
    }

    @Test
    void withoutPerGpuFiguresItFallsBackToUnifiedMemoryAndSaysSo() throws IOException {
        JsonNode result = run("0, [N/A], [N/A]");

        assertThat(result.at("/metrics/vramGiB/method").asText()).isEqualTo("unified-memory");
        assertThat(result.at("/metrics/vramGiB/details/memAvailableBeforeGiB").isNumber()).isTrue();
        assertThat(result.at("/metrics/vramGiB/logWeightsPlusKvCacheGiB").isMissingNode()
                && result.at("/metrics/vramGiB/details/logWeightsPlusKvCacheGiB").asDouble() == 10.11).isTrue();
        assertThat(result.at("/metrics/vramGiB/details/nvidiaSmiPerProcessGiB").asDouble()).isEqualTo(10.51);
    }

    private JsonNode run(String gpuQuery) throws IOException {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("sim-model.yaml"), """
                name: Simulated model
                engine: {type: vllm, args: [--max-model-len, "4096"]}
                facts: {architecture: Qwen3MoeForCausalLM, quantization: FP8, license: Apache-2.0,
                        contextLength: 4096}
                """);
        Path bin = tmp.resolve("bin");
        Path vllm = SimLauncher.write(bin, SimScript.builder().ttftMs(1).interTokenMs(0).outputTokens(4)
                .maxModelLen(4096).build());
        String marker = bin.resolve("vllm-sim-script.json").toString();
        Files.writeString(tmp.resolve("query-gpu.out"), gpuQuery + "\n");
        Path smi = Scripts.write(tmp.resolve("smi"), "nvidia-smi", String.join("\n",
                "case \"$*\" in",
                "  *--query-compute-apps=*) for p in $(pgrep -f '" + marker + "'); do echo \"$p, 10758\"; done ;;",
                "  *memory.reserved*) echo 'Field \"memory.reserved\" is not a valid field to query.'; exit 2 ;;",
                "  *--query-gpu=*) cat '" + tmp.resolve("query-gpu.out") + "' ;;",
                "  *) exit 2 ;;",
                "esac"));
        QualificationRun.suite().model("sim-model").results(tmp.resolve("results"))
                .set("modelgate.models", models.toString()).set("modelgate.vllm", vllm.toString())
                .set("modelgate.nvidiaSmi", smi.toString())
                .set("modelgate.samples", "2").set("modelgate.warmup", "1").set("modelgate.concurrency", "1")
                .set("junit.jupiter.tags.include", "none")
                .execute();
        return JSON.readTree(tmp.resolve("results/sim-model.json").toFile());
    }
}
