package dev.modelgate.catalog;

import java.util.List;

/**
 * How performance is sampled: warm-up requests (never counted), samples per figure at
 * concurrency 1, the concurrency sweep, the output length, and the per-request timeouts.
 */
public record Sampling(int warmup, int samples, List<Integer> concurrency, int maxTokens,
                       double requestTimeoutSeconds, double idleTimeoutSeconds) {

    public static final Sampling DEFAULTS = new Sampling(2, 20, List.of(1, 4, 16, 64), 128, 300, 60);

    public Sampling {
        concurrency = concurrency == null ? DEFAULTS.concurrency() : List.copyOf(concurrency);
    }

    public Sampling withSamples(int n) {
        return new Sampling(warmup, n, concurrency, maxTokens, requestTimeoutSeconds, idleTimeoutSeconds);
    }

    public Sampling withWarmup(int n) {
        return new Sampling(n, samples, concurrency, maxTokens, requestTimeoutSeconds, idleTimeoutSeconds);
    }

    public Sampling withTimeouts(double requestSeconds, double idleSeconds) {
        return new Sampling(warmup, samples, concurrency, maxTokens, requestSeconds, idleSeconds);
    }

    public Sampling withConcurrency(List<Integer> levels) {
        return new Sampling(warmup, samples, levels, maxTokens, requestTimeoutSeconds, idleTimeoutSeconds);
    }
}
