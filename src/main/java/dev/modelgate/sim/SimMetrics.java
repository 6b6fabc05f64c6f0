package dev.modelgate.sim;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * What the simulator served, in vLLM's Prometheus names: latency histograms, token counters and
 * the running/waiting gauges. Thread-safe.
 */
final class SimMetrics {

    private static final double[] TTFT_BUCKETS = {0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75,
        1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0};
    private static final double[] ITL_BUCKETS = {0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0,
        2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0};
    private static final double[] E2E_BUCKETS = {0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0,
        50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0};

    private final Histogram ttft = new Histogram("vllm:time_to_first_token_seconds",
            "Histogram of time to first token in seconds.", TTFT_BUCKETS);
    private final Histogram itl = new Histogram("vllm:inter_token_latency_seconds",
            "Histogram of inter-token latency in seconds.", ITL_BUCKETS);
    private final Histogram e2e = new Histogram("vllm:e2e_request_latency_seconds",
            "Histogram of e2e request latency in seconds.", E2E_BUCKETS);
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong generationTokens = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    void firstToken(long nanos) {
        ttft.observe(nanos / 1e9, 1);
    }

    /** An event {@code nanos} after the previous one carrying {@code tokens} tokens: one observation per token. */
    void interToken(long nanos, int tokens) {
        itl.observe(nanos / 1e9 / tokens, tokens);
    }

    void finished(long nanos, int prompt, int generated) {
        e2e.observe(nanos / 1e9, 1);
        promptTokens.addAndGet(prompt);
        generationTokens.addAndGet(generated);
    }

    AtomicInteger waiting() {
        return waiting;
    }

    AtomicInteger running() {
        return running;
    }

    /** The Prometheus text exposition, labelled with the served model name. */
    String render(String model, double kvCacheUsage) {
        String labels = "engine=\"0\",model_name=\"" + model + "\"";
        StringBuilder sb = new StringBuilder();
        ttft.render(sb, labels);
        itl.render(sb, labels);
        e2e.render(sb, labels);
        gauge(sb, "vllm:num_requests_running", "Number of requests in model execution batches.", labels,
                running::get);
        gauge(sb, "vllm:num_requests_waiting", "Number of requests waiting to be processed.", labels, waiting::get);
        sb.append("# HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.\n")
                .append("# TYPE vllm:kv_cache_usage_perc gauge\n")
                .append("vllm:kv_cache_usage_perc{").append(labels).append("} ").append(number(kvCacheUsage)).append('\n');
        counter(sb, "vllm:prompt_tokens_total", "Number of prefill tokens processed.", labels, promptTokens.get());
        counter(sb, "vllm:generation_tokens_total", "Number of generation tokens processed.", labels,
                generationTokens.get());
        return sb.toString();
    }

    private static void gauge(StringBuilder sb, String name, String help, String labels, IntSupplier value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append('{').append(labels).append("} ").append(number(value.getAsInt())).append('\n');
    }

    private static void counter(StringBuilder sb, String name, String help, String labels, long value) {
        String base = name.substring(0, name.length() - "_total".length());
        sb.append("# HELP ").append(base).append(' ').append(help).append('\n')
                .append("# TYPE ").append(base).append(" counter\n")
                .append(name).append('{').append(labels).append("} ").append(number(value)).append('\n');
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    /** A cumulative Prometheus histogram. */
    private static final class Histogram {
        private final String name;
        private final String help;
        private final double[] bounds;
        private final long[] counts;
        private long count;
        private double sum;

        Histogram(String name, String help, double[] bounds) {
            this.name = name;
            this.help = help;
            this.bounds = bounds;
            this.counts = new long[bounds.length];
        }

        synchronized void observe(double seconds, int times) {
            for (int i = 0; i < bounds.length; i++) {
                if (seconds <= bounds[i]) {
                    counts[i] += times;
                }
            }
            count += times;
            sum += seconds * times;
        }

        synchronized void render(StringBuilder sb, String labels) {
            sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
                    .append("# TYPE ").append(name).append(" histogram\n");
            for (int i = 0; i < bounds.length; i++) {
                sb.append(name).append("_bucket{").append(labels).append(",le=\"").append(number(bounds[i]))
                        .append("\"} ").append(number(counts[i])).append('\n');
            }
            sb.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(number(count)).append('\n')
                    .append(name).append("_count{").append(labels).append("} ").append(number(count)).append('\n')
                    .append(name).append("_sum{").append(labels).append("} ").append(number(sum)).append('\n');
        }
    }
}
