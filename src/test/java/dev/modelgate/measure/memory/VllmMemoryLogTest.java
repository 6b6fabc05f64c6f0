package dev.modelgate.measure.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** vLLM log fixtures are written from vLLM's format strings; error lines are quoted (see the README). */
class VllmMemoryLogTest {

    @Test
    void readyServerWithColouredPrefixes() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.12-single-gpu-ready.log"));

        assertThat(f.weightsGiB()).hasValue(8.2154);
        assertThat(f.kvCacheGiB()).hasValue(9.87);
        assertThat(f.kvCacheTokens()).hasValue(215_632);
        assertThat(f.maxConcurrency()).hasValue(1.65);
        assertThat(f.tokensPerRequest()).hasValue(131_072);
        assertThat(f.processes()).isEqualTo(1);
        assertThat(f.failures()).isEmpty();
        assertThat(f.lines()).hasSize(4).allSatisfy(l -> assertThat(l).doesNotContain("\u001B"));
        assertThat(f.asFields()).containsExactly(Map.entry("weightsGiB", 8.22), Map.entry("kvCacheGiB", 9.87),
                Map.entry("kvCacheTokens", 215_632L), Map.entry("maxConcurrency", 1.65),
                Map.entry("maxConcurrencyTokensPerRequest", 131_072L));
    }

    @Test
    void olderWordingWithoutMemoryWordAndWithoutSeparators() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.6-older-wording.log"));

        assertThat(f.weightsGiB()).hasValue(14.2487);
        assertThat(f.kvCacheGiB()).isEmpty();
        assertThat(f.maxConcurrency()).hasValue(1.14);
        assertThat(f.tokensPerRequest()).hasValue(32_768);
    }

    @Test
    void kvCacheSizeAndConcurrencyOnOneLine() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.11-kv-line-combined.log"));

        assertThat(f.kvCacheTokens()).hasValue(4_455_808);
        assertThat(f.tokensPerRequest()).hasValue(262_144);
        assertThat(f.maxConcurrency()).hasValue(17.0);
        assertThat(f.weightsPlusKvCacheGiB().getAsDouble()).isCloseTo(30.0512 + 62.11, within(1e-9));
    }

    @Test
    void tensorParallelWorkersAreSummed() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.12-tp2-ready.log"));

        assertThat(f.processes()).isEqualTo(2);
        assertThat(f.weightsGiB().getAsDouble()).isCloseTo(30.2468, within(1e-9));
        assertThat(f.kvCacheGiB().getAsDouble()).isCloseTo(40.90, within(1e-9));
        assertThat(f.kvCacheTokens()).hasValue(893_440);
    }

    @Test
    void vllmV0MemoryProfilingLinesGiveWeightsAndKvCachePerWorker() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.7-tp2-memory-profiling.log"));

        assertThat(f.processes()).as("the driver and one VllmWorkerProcess").isEqualTo(2);
        assertThat(f.weightsGiB().getAsDouble()).isCloseTo(13.87 + 13.87, within(1e-9));
        assertThat(f.kvCacheGiB().getAsDouble()).isCloseTo(55.39 + 55.30, within(1e-9));
        assertThat(f.maxConcurrency()).hasValue(22.12);
        assertThat(f.lines()).anyMatch(l -> l.startsWith("(VllmWorkerProcess pid=41877)")
                && l.contains("the rest of the memory reserved for KV Cache is 55.39GiB"));
    }

    @Test
    void vllm065OneLineProfilingResultsGiveTheKvCache() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.6.5-memory-profiling-results.log"));

        assertThat(f.weightsGiB()).hasValue(14.9595);
        assertThat(f.kvCacheGiB()).hasValue(54.47);
        assertThat(f.weightsPlusKvCacheGiB().getAsDouble()).isCloseTo(14.9595 + 54.47, within(1e-9));
    }

    @Test
    void kvCacheFixedByBytesIsTheKvCacheFigure() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.12-kv-cache-memory-bytes.log"));

        assertThat(f.kvCacheGiB()).hasValue(4.0);
        assertThat(f.weightsGiB()).hasValue(8.2154);
    }

    @Test
    void weightsBeyondTheBudgetGiveNegativeKvCacheAndOneFailure() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.12-weights-exceed-budget.log"));

        assertThat(f.weightsGiB()).hasValue(30.4127);
        assertThat(f.kvCacheGiB()).hasValue(-11.73);
        assertThat(f.failures()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("no-kv-cache-memory");
            assertThat(x.candidateAtFault()).isTrue();
            assertThat(x.line()).startsWith("ValueError: No available memory for the cache blocks.");
        });
    }

    @Test
    void kvCacheTooSmallForOneRequestCarriesItsFigures() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.11-kv-cache-too-small.log"));

        assertThat(f.weightsGiB()).hasValue(13.7165);
        assertThat(f.candidateFailure()).hasValueSatisfying(x -> {
            assertThat(x.kind()).isEqualTo("kv-cache-too-small");
            assertThat(x.figures()).containsEntry("maxModelLen", 131072.0).containsEntry("neededKvCacheGiB", 4.54)
                    .containsEntry("availableKvCacheGiB", 1.71).containsEntry("estimatedMaxModelLen", 49232.0);
        });
    }

    @Test
    void olderKvCacheTooSmallWording() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.4-kv-cache-too-small.log"));

        assertThat(f.failures()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("kv-cache-too-small");
            assertThat(x.figures()).containsEntry("maxModelLen", 4096.0).containsEntry("kvCacheTokens", 3664.0);
        });
    }

    @Test
    void freeMemoryBelowTheBudgetIsTheMachinesFaultNotTheCandidates() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.9-free-memory-below-budget.log"));

        assertThat(f.candidateFailure()).isEmpty();
        assertThat(f.failures()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("free-memory-below-budget");
            assertThat(x.candidateAtFault()).isFalse();
            assertThat(x.figures()).containsEntry("freeGiB", 59.32).containsEntry("totalGiB", 79.15)
                    .containsEntry("gpuMemoryUtilization", 0.9).containsEntry("budgetGiB", 71.24);
        });
    }

    @Test
    void cudaOutOfMemoryIsConvertedToGiB() {
        VllmMemoryFigures f = VllmMemoryLog.parse(Fixtures.text("vllm/v0.8-cuda-out-of-memory.log"));

        assertThat(f.failures()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("cuda-out-of-memory");
            assertThat(x.figures().get("triedToAllocateGiB")).isCloseTo(270.0 / 1024, within(1e-12));
            assertThat(x.figures().get("gpuTotalGiB")).isEqualTo(21.98);
            assertThat(x.figures().get("gpuFreeGiB")).isCloseTo(156.94 / 1024, within(1e-12));
        });
    }

    @Test
    void genericInsufficientAndExceedsWordingsAreCaughtOnlyOnErrorLines() {
        VllmMemoryFigures f = VllmMemoryLog.parse(String.join("\n",
                "INFO 11-26 04:30:12 [arg_utils.py:1] The requested memory exceeds nothing in particular",
                "RuntimeError: insufficient GPU memory to load the model weights",
                "ValueError: requested KV cache memory exceeds the available device memory"));

        assertThat(f.failures()).extracting(MemoryFailure::kind).containsExactly("insufficient-memory",
                "exceeds-memory");
    }

    @Test
    void aLogWithoutMemoryLinesIsEmpty() {
        assertThat(VllmMemoryLog.parse("INFO: Application startup complete.\n").isEmpty()).isTrue();
        assertThat(VllmMemoryLog.read(java.nio.file.Path.of("no-such.log"))).isEqualTo(VllmMemoryFigures.NONE);
    }
}
