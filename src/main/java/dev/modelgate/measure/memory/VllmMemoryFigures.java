package dev.modelgate.measure.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What vLLM's start-up log says about memory. With tensor or pipeline parallelism every worker
 * process logs its own share; {@link #weightsGiB()} and {@link #kvCacheGiB()} are the sums over
 * {@link #processes()} workers.
 *
 * @param weightsGiB          {@code Model loading took X GiB …}
 * @param kvCacheGiB          {@code Available KV cache memory: X GiB} (negative when the weights and
 *                            activations already exceed the budget), or the bytes reserved by
 *                            {@code --kv-cache-memory-bytes}
 * @param kvCacheTokens       {@code GPU KV cache size: N tokens}
 * @param maxConcurrency      {@code Maximum concurrency for N tokens per request: Kx} (K)
 * @param tokensPerRequest    N of that line
 * @param processes           how many worker processes reported weights
 * @param failures            lines saying the model does not fit its memory
 * @param lines               the memory lines found, for the report
 */
public record VllmMemoryFigures(OptionalDouble weightsGiB, OptionalDouble kvCacheGiB, OptionalLong kvCacheTokens,
                                OptionalDouble maxConcurrency, OptionalLong tokensPerRequest, int processes,
                                List<MemoryFailure> failures, List<String> lines) {

    public static final VllmMemoryFigures NONE = new VllmMemoryFigures(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty(), 0, List.of(), List.of());

    public VllmMemoryFigures {
        failures = List.copyOf(failures);
        lines = List.copyOf(lines);
    }

    /** Weights plus KV cache, when the log gives both. */
    public OptionalDouble weightsPlusKvCacheGiB() {
        return weightsGiB.isPresent() && kvCacheGiB.isPresent()
                ? OptionalDouble.of(weightsGiB.getAsDouble() + kvCacheGiB.getAsDouble()) : OptionalDouble.empty();
    }

    /** The first failure for which the candidate is at fault, if any. */
    public Optional<MemoryFailure> candidateFailure() {
        return failures.stream().filter(MemoryFailure::candidateAtFault).findFirst();
    }

    /** The figures as result-file fields ({@code weightsGiB}, {@code kvCacheGiB}, …); absent ones left out. */
    public Map<String, Object> asFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        weightsGiB.ifPresent(v -> f.put("weightsGiB", Gib.round(v)));
        kvCacheGiB.ifPresent(v -> f.put("kvCacheGiB", Gib.round(v)));
        kvCacheTokens.ifPresent(v -> f.put("kvCacheTokens", v));
        maxConcurrency.ifPresent(v -> f.put("maxConcurrency", v));
        tokensPerRequest.ifPresent(v -> f.put("maxConcurrencyTokensPerRequest", v));
        return f;
    }

    public boolean isEmpty() {
        return weightsGiB.isEmpty() && kvCacheGiB.isEmpty() && kvCacheTokens.isEmpty() && maxConcurrency.isEmpty()
                && failures.isEmpty();
    }
}
