package dev.modelgate.measure.memory;

import java.util.Map;
import java.util.Optional;

/** Sentences for a model that does not fit its memory, built from the figures of vLLM's log. */
public final class MemoryFailures {

    private MemoryFailures() {
    }

    public static String explain(MemoryFailure f, VllmMemoryFigures figures, Optional<MemoryBudget> budget) {
        String within = budget.filter(MemoryBudget::fixed).map(b -> " within its " + Gib.format(b.gib()) + " budget")
                .orElse("");
        String weights = figures.weightsGiB().isPresent() ? "weights " + Gib.format(figures.weightsGiB().getAsDouble())
                : "the weights";
        Map<String, Double> n = f.figures();
        String what = switch (f.kind()) {
            case "no-kv-cache-memory" -> "does not fit" + within + ": " + weights + " and activations leave no memory"
                    + " for the KV cache" + figures.kvCacheGiB().stream().mapToObj(kv -> " (Available KV cache"
                    + " memory: " + Gib.format(kv) + ")").findFirst().orElse("");
            case "kv-cache-too-small" -> n.containsKey("neededKvCacheGiB")
                    ? "does not fit" + within + ": one request of " + Math.round(n.get("maxModelLen")) + " tokens needs "
                    + Gib.format(n.get("neededKvCacheGiB")) + " of KV cache, " + weights + " leave "
                    + Gib.format(n.get("availableKvCacheGiB")) + (n.containsKey("estimatedMaxModelLen")
                    ? " (enough for " + Math.round(n.get("estimatedMaxModelLen")) + " tokens)" : "")
                    : "does not fit" + within + ": its KV cache holds " + Math.round(n.getOrDefault("kvCacheTokens", 0.0))
                    + " tokens, fewer than one request of " + Math.round(n.getOrDefault("maxModelLen", 0.0));
            case "weights-do-not-fit", "cuda-out-of-memory" -> "does not fit" + within + ": " + weights
                    + " ran out of GPU memory while loading" + (n.containsKey("triedToAllocateGiB") ? " (tried to"
                    + " allocate " + Gib.format(n.get("triedToAllocateGiB")) + (n.containsKey("gpuFreeGiB") ? " with "
                    + Gib.format(n.get("gpuFreeGiB")) + " free" : "") + ")" : "");
            default -> "does not fit its memory" + within;
        };
        return "the candidate " + what + "; vLLM: " + f.line();
    }
}
