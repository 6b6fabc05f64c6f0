package dev.modelgate.engine.llamacpp;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.Completion;
import dev.modelgate.engine.EngineSettings;
import dev.modelgate.engine.RunningModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the default model on this machine with 1 and 2 llama.cpp threads: boot time of the
 * child JVM (start to ready), TTFT and decode tok/s (SPEC §4) over streamed requests of 128 tokens
 * after two warm-ups, each with a unique prompt prefix. Not a test: run it by hand with
 * {@code java -cp <test class path> dev.modelgate.engine.llamacpp.LlamaCppBench [boots] [samples]}.
 */
public final class LlamaCppBench {

    private LlamaCppBench() {
    }

    public static void main(String[] args) throws Exception {
        int boots = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Candidate candidate = TinyModel.candidate();
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int threads : new int[]{1, 2}) {
            List<Double> bootMs = new ArrayList<>();
            List<Double> loadMs = new ArrayList<>();
            List<Double> ttft = new ArrayList<>();
            List<Double> tps = new ArrayList<>();
            for (int b = 0; b < boots; b++) {
                Path work = Files.createTempDirectory("llamacpp-bench");
                RunningModel model = new LlamaCppEngine().start(candidate, TinyModel.context(work,
                        Map.of(EngineSettings.THREADS, String.valueOf(threads)), Optional.empty()).engine());
                try (ChatClient client = new ChatClient(model.baseUrl(), model.servedName(), Optional.empty(),
                        ClientOptions.DEFAULTS)) {
                    bootMs.add(model.bootTime().toNanos() / 1e6);
                    loadMs.add(Double.parseDouble(model.details().get("loadMillis")));
                    for (int i = 0; i < 2 + samples; i++) {
                        Completion c = client.stream(ChatRequest.user("Sample " + b + "-" + i + ": Once upon a time")
                                .maxTokens(128).set("ignore_eos", true));
                        if (c.completionTokens().orElse(0) != 128) {
                            throw new IllegalStateException("expected 128 tokens, got " + c.completionTokens());
                        }
                        if (i >= 2) {
                            ttft.add(c.ttftNanos().getAsLong() / 1e6);
                            tps.add(c.decodeTokensPerSecond().getAsDouble());
                        }
                    }
                } finally {
                    model.close();
                    try (java.util.stream.Stream<Path> files = Files.walk(work)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "threads %d: boot p50 %.0f ms (model load in the child p50 %.0f ms) over %d"
                            + " boots; TTFT p50 %.2f ms p90 %.2f ms; decode p50 %.0f tok/s p90 %.0f tok/s (n=%d)%n",
                    threads, p(bootMs, 50), p(loadMs, 50), boots, p(ttft, 50), p(ttft, 90), p(tps, 50), p(tps, 90),
                    ttft.size());
        }
        System.out.printf(Locale.ROOT, "load average %.1f%n", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    /** Nearest-rank percentile. */
    private static double p(List<Double> values, int percentile) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[Math.max(0, (int) Math.ceil(percentile / 100.0 * v.length) - 1)];
    }

}
