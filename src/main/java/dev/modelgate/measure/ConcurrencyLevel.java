package dev.modelgate.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One level of the concurrency sweep: {@code target} streams kept in flight, and what came of it.
 *
 * @param observedPeak the most requests that were on the wire at once, from each request's
 *                     send and {@code [DONE]} times; below {@code target} means the client could
 *                     not keep the streams in flight
 * @param failures     requests that failed (their figures are not counted)
 * @param firstError   the first failure's message, or null
 * @param source       how the level was measured (e.g. "sequential series" for level 1)
 */
public record ConcurrencyLevel(int target, int observedPeak, double outputTokensPerSecond, List<Sample> samples,
                               int failures, String firstError, String source) {

    public ConcurrencyLevel {
        samples = List.copyOf(samples);
    }

    /** The figures of a level from its successful samples. */
    public static ConcurrencyLevel of(int target, List<Sample> samples, int failures, String firstError, String source) {
        return new ConcurrencyLevel(target, peak(samples), throughput(samples), samples, failures, firstError, source);
    }

    /** The largest number of [sent, done] intervals that overlap; an end and a start at the same instant do not. */
    static int peak(List<Sample> samples) {
        List<long[]> edges = new ArrayList<>();
        for (Sample s : samples) {
            edges.add(new long[] {s.sentNanos(), +1});
            edges.add(new long[] {s.doneNanos(), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int peak = 0;
        for (long[] e : edges) {
            now += (int) e[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }

    /** Output tokens of every sample over the wall time from the first send to the last {@code [DONE]}. */
    static double throughput(List<Sample> samples) {
        if (samples.isEmpty()) {
            return 0;
        }
        long first = samples.stream().mapToLong(Sample::sentNanos).min().getAsLong();
        long last = samples.stream().mapToLong(Sample::doneNanos).max().getAsLong();
        long tokens = samples.stream().filter(s -> s.completionTokens().isPresent())
                .mapToLong(s -> s.completionTokens().getAsInt()).sum();
        return last <= first ? 0 : tokens / ((last - first) / 1e9);
    }

    public boolean clientBottleneck() {
        return !samples.isEmpty() && observedPeak < Math.min(target, samples.size());
    }

    public Distribution decode() {
        return Distribution.of(samples.stream().map(Sample::decodeTokensPerSecond).filter(OptionalDouble::isPresent)
                .map(OptionalDouble::getAsDouble).toList());
    }

    public Distribution ttft() {
        return Distribution.of(samples.stream().map(Sample::ttftMs).filter(OptionalDouble::isPresent)
                .map(OptionalDouble::getAsDouble).toList());
    }

    public Distribution scheduleLag() {
        return Distribution.of(samples.stream().map(Sample::scheduleLagMs).toList());
    }

    /** The level as {@code metrics.concurrency[]} writes it. */
    public Map<String, Object> toMetric() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("observedPeak", observedPeak);
        m.put("outputTokensPerSecond", Distribution.round(outputTokensPerSecond));
        m.put("decodeTokensPerSecond", decode().summary(50));
        m.put("ttftMs", ttft().summary(50, 99));
        m.put("scheduleLagMs", scheduleLag().summary(99));
        m.put("n", samples.size());
        if (failures > 0) {
            m.put("failures", failures);
            m.put("firstError", firstError);
        }
        if (clientBottleneck()) {
            m.put("clientBottleneck", true);
        }
        if (source != null) {
            m.put("source", source);
        }
        return m;
    }

    /** One sentence for the report: what the level showed. */
    public String describe() {
        String s = String.format(java.util.Locale.ROOT, "concurrency %d: observed peak %d, %.1f output tok/s, n=%d",
                target, observedPeak, outputTokensPerSecond, samples.size());
        if (clientBottleneck()) {
            s += String.format(java.util.Locale.ROOT, " — observed peak %d < target %d: the client was the bottleneck"
                    + " (schedule lag p99 %.1f ms), so this level understates the server", observedPeak, target,
                    scheduleLag().percentile(99));
        }
        if (failures > 0) {
            s += " — " + failures + " request(s) failed, first: " + firstError;
        }
        return s;
    }
}
