package dev.modelgate.measure;

import dev.modelgate.catalog.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A service-level objective: bounds such as "TTFT p95 < 300 ms" and "ITL p95 < 50 ms", every one
 * measured from the scheduled send. A load meets it when every bound holds over the counted
 * requests and none of them failed; a single request meets it (for goodput) when its own TTFT and
 * E2E are under their limits and the same percentile of its own inter-token gaps is under the ITL
 * limit.
 *
 * @param bounds      the bounds, at least one
 * @param firstAnswer whether the TTFT bound limits the time to the first answer token (reasoning
 *                    excluded, when a voice assistant can start to speak) rather than to the first
 *                    output-bearing event of any kind
 */
public record Slo(List<Bound> bounds, boolean firstAnswer) {

    /** What a bound limits. */
    public enum Metric {
        TTFT("ttft"), ITL("itl"), E2E("e2e");

        private final String key;

        Metric(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** {@code ttft}, {@code itl} or {@code e2e}; null when unknown. */
        public static Metric of(String key) {
            for (Metric m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** {@code metric} at {@code percentile} must be strictly below {@code limitMs}. */
    public record Bound(Metric metric, double percentile, double limitMs) {

        public String describe() {
            return String.format(Locale.ROOT, "%s p%s < %s ms", metric.key().toUpperCase(Locale.ROOT),
                    Numbers.exact(percentile), Numbers.exact(limitMs));
        }
    }

    public Slo {
        bounds = List.copyOf(bounds);
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("an SLO needs at least one bound");
        }
    }

    /** An SLO over the first output-bearing event (reasoning included). */
    public static Slo of(Bound... bounds) {
        return new Slo(List.of(bounds), false);
    }

    /** The TTFT figure this SLO limits, of the counted requests of {@code result}. */
    public Distribution ttft(LoadResult result) {
        return result.distribution(Metric.TTFT, firstAnswer);
    }

    /** The figure {@code metric} as this SLO measures it. */
    public Distribution distribution(LoadResult result, Metric metric) {
        return result.distribution(metric, firstAnswer);
    }

    /** e.g. {@code "TTFT p95 < 300 ms, ITL p95 < 50 ms"}. */
    public String describe() {
        return bounds.stream().map(Bound::describe).collect(Collectors.joining(", "));
    }

    /** Whether the run meets every bound with no failed request. */
    public boolean metBy(LoadResult result) {
        return result.failures() == 0 && !result.samples().isEmpty() && misses(result).isEmpty();
    }

    /** The bounds the run misses, each with its measured value, e.g. {@code "TTFT p95 412.3 ms"}. */
    public List<String> misses(LoadResult result) {
        List<String> out = new ArrayList<>();
        for (Bound b : bounds) {
            double v = distribution(result, b.metric()).percentile(b.percentile());
            if (!(v < b.limitMs())) {
                out.add(String.format(Locale.ROOT, "%s p%s %.1f ms", b.metric().key().toUpperCase(Locale.ROOT),
                        Numbers.exact(b.percentile()), v));
            }
        }
        return out;
    }


    /** Whether one request met every bound on its own figures. */
    public boolean metBy(LoadSample s) {
        for (Bound b : bounds) {
            double v = switch (b.metric()) {
                case TTFT -> (firstAnswer ? s.answerFromScheduleMs() : s.ttftFromScheduleMs())
                        .orElse(Double.POSITIVE_INFINITY);
                case E2E -> s.e2eFromScheduleMs();
                case ITL -> {
                    OptionalDouble gap = s.sample().itlMs().isEmpty() ? OptionalDouble.of(0)
                            : OptionalDouble.of(Distribution.of(s.sample().itlMs()).percentile(b.percentile()));
                    yield gap.getAsDouble();
                }
            };
            if (!(v < b.limitMs())) {
                return false;
            }
        }
        return true;
    }
}
