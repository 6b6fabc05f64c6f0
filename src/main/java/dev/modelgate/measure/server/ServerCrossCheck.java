package dev.modelgate.measure.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The client's figures against the server's own, from {@code /metrics} scraped just before and
 * just after the sequential performance series: how many requests the server timed, its time to
 * first token (mean from the histogram's sum and count, p50 from its buckets), and the prompt and
 * generation tokens it counted against the sums of the client's usage chunks. The client's TTFT
 * includes the network, the HTTP server and any queueing, which the engine's does not: the
 * discrepancy (client − server) is that overhead. A token count that disagrees by more than
 * {@link #TOKEN_TOLERANCE} flags the run: one of the two counts is wrong, and so is every per-token figure.
 */
public record ServerCrossCheck(long serverRequests, long clientRequests, OptionalDouble serverTtftMeanMs,
                               OptionalDouble serverTtftP50Ms, double[] serverTtftP50BucketMs,
                               OptionalDouble clientTtftMeanMs, OptionalDouble clientTtftP50Ms,
                               OptionalDouble serverPromptTokens, long clientPromptTokens,
                               OptionalDouble serverGenerationTokens, long clientCompletionTokens,
                               boolean clientUsageComplete) {

    /** Relative disagreement of a token count above which the run is flagged. */
    public static final double TOKEN_TOLERANCE = 0.01;

    public static ServerCrossCheck of(ServerMetrics before, ServerMetrics after, ClientTally client) {
        Histogram ttft = after.histogram(ServerMetrics.TTFT).minus(before.histogram(ServerMetrics.TTFT));
        List<Double> clientTtft = new ArrayList<>(client.ttftMs());
        clientTtft.sort(Double::compare);
        OptionalDouble clientMean = clientTtft.stream().mapToDouble(Double::doubleValue).average();
        OptionalDouble clientP50 = clientTtft.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(clientTtft.get((int) Math.ceil(clientTtft.size() * 0.5) - 1));
        double[] bucket = ttft.quantileBucket(0.5);
        return new ServerCrossCheck((long) ttft.count(), client.requests(), ms(ttft.mean()), ms(ttft.quantile(0.5)),
                new double[] {bucket[0] * 1000, bucket[1] * 1000}, clientMean, clientP50,
                delta(before, after, ServerMetrics.PROMPT_TOKENS), client.promptTokens(),
                delta(before, after, ServerMetrics.GENERATION_TOKENS), client.completionTokens(),
                client.withUsage() == client.requests());
    }

    private static OptionalDouble delta(ServerMetrics before, ServerMetrics after, String counter) {
        OptionalDouble a = after.counter(counter);
        OptionalDouble b = before.counter(counter);
        return a.isPresent() && b.isPresent() ? OptionalDouble.of(a.getAsDouble() - b.getAsDouble()) : OptionalDouble.empty();
    }

    private static OptionalDouble ms(OptionalDouble seconds) {
        return seconds.isPresent() ? OptionalDouble.of(seconds.getAsDouble() * 1000) : OptionalDouble.empty();
    }

    /** Client mean TTFT − server mean TTFT: network, HTTP server and queueing. */
    public OptionalDouble ttftDiscrepancyMs() {
        return clientTtftMeanMs.isPresent() && serverTtftMeanMs.isPresent()
                ? OptionalDouble.of(clientTtftMeanMs.getAsDouble() - serverTtftMeanMs.getAsDouble())
                : OptionalDouble.empty();
    }

    /** (client − server) / server for the prompt tokens. */
    public OptionalDouble promptTokenDisagreement() {
        return relative(clientPromptTokens, serverPromptTokens);
    }

    /** (client − server) / server for the generated tokens. */
    public OptionalDouble generationTokenDisagreement() {
        return relative(clientCompletionTokens, serverGenerationTokens);
    }

    private static OptionalDouble relative(long client, OptionalDouble server) {
        if (server.isEmpty()) {
            return OptionalDouble.empty();
        }
        double s = server.getAsDouble();
        if (s == 0) {
            return client == 0 ? OptionalDouble.of(0) : OptionalDouble.of(Double.POSITIVE_INFINITY);
        }
        return OptionalDouble.of((client - s) / s);
    }

    /** Why the run is flagged: each token count that disagrees by more than 1 %. Empty when it is not. */
    public List<String> flags() {
        List<String> out = new ArrayList<>();
        flag(out, "prompt", clientPromptTokens, serverPromptTokens, promptTokenDisagreement());
        flag(out, "generated", clientCompletionTokens, serverGenerationTokens, generationTokenDisagreement());
        return out;
    }

    private void flag(List<String> out, String what, long client, OptionalDouble server, OptionalDouble relative) {
        if (relative.isPresent() && Math.abs(relative.getAsDouble()) > TOKEN_TOLERANCE) {
            out.add(String.format(Locale.ROOT, "%s tokens disagree by %.2f %%: the client's usage chunks sum to %,d,"
                            + " the server counted %,.0f%s", what, 100 * relative.getAsDouble(), client,
                    server.getAsDouble(), clientUsageComplete ? "" : " (some responses had no usage chunk)"));
        }
    }

    public boolean flagged() {
        return !flags().isEmpty();
    }

    /** {@code metrics.serverCrossCheck} as the result file writes it. */
    public Map<String, Object> toMetric() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", true);
        m.put("serverRequests", serverRequests);
        m.put("clientRequests", clientRequests);
        Map<String, Object> ttft = new LinkedHashMap<>();
        put(ttft, "serverMeanMs", serverTtftMeanMs);
        put(ttft, "serverP50Ms", serverTtftP50Ms);
        if (serverTtftP50Ms.isPresent()) {
            ttft.put("serverP50BucketMs", List.of(round(serverTtftP50BucketMs[0]), round(serverTtftP50BucketMs[1])));
        }
        put(ttft, "clientMeanMs", clientTtftMeanMs);
        put(ttft, "clientP50Ms", clientTtftP50Ms);
        put(ttft, "discrepancyMs", ttftDiscrepancyMs());
        m.put("ttft", ttft);
        m.put("promptTokens", tokens(clientPromptTokens, serverPromptTokens, promptTokenDisagreement()));
        m.put("generationTokens", tokens(clientCompletionTokens, serverGenerationTokens, generationTokenDisagreement()));
        m.put("flagged", flagged());
        if (flagged()) {
            m.put("flags", flags());
        }
        return m;
    }

    private static Map<String, Object> tokens(long client, OptionalDouble server, OptionalDouble relative) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("client", client);
        server.ifPresent(v -> t.put("server", Math.round(v)));
        relative.ifPresent(v -> t.put("disagreement", Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : "infinite"));
        return t;
    }

    private static void put(Map<String, Object> m, String key, OptionalDouble v) {
        v.ifPresent(x -> m.put(key, round(x)));
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }

    /** One sentence for the report. */
    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "server's own figures (/metrics before and after the sequential series): %d request(s) timed (client"
                        + " sent %d)", serverRequests, clientRequests));
        if (serverTtftMeanMs.isPresent()) {
            sb.append(String.format(Locale.ROOT, "; server TTFT mean %.1f ms, p50 %.1f ms (bucket %.0f–%.0f ms);"
                            + " client TTFT mean %.1f ms: discrepancy %.1f ms (network, HTTP server, queueing)",
                    serverTtftMeanMs.getAsDouble(), serverTtftP50Ms.orElse(Double.NaN), serverTtftP50BucketMs[0],
                    serverTtftP50BucketMs[1], clientTtftMeanMs.orElse(Double.NaN), ttftDiscrepancyMs().orElse(Double.NaN)));
        }
        serverPromptTokens.ifPresent(v -> sb.append(String.format(Locale.ROOT,
                "; prompt tokens client %,d / server %,.0f", clientPromptTokens, v)));
        serverGenerationTokens.ifPresent(v -> sb.append(String.format(Locale.ROOT,
                "; generated tokens client %,d / server %,.0f", clientCompletionTokens, v)));
        if (flagged()) {
            sb.append(" — FLAGGED: ").append(String.join("; ", flags()));
        }
        return sb.toString();
    }
}
