package dev.modelgate.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one {@link LoadProfile} run showed, over its counted requests (those due after the warm-up
 * and before the cool-down). Latencies are from the scheduled send; the send lag is beside them.
 *
 * @param samples      counted requests that succeeded, in scheduled order
 * @param excluded     requests sent in the warm-up or cool-down (not counted)
 * @param failures     counted requests that failed
 * @param observedPeak most counted requests on the wire at once
 * @param windowNanos  first counted scheduled send → last counted end
 */
public record LoadResult(LoadProfile profile, List<LoadSample> samples, int excluded, int failures, String firstError,
                         int observedPeak, long windowNanos) {

    public LoadResult {
        samples = List.copyOf(samples);
    }

    public Distribution ttftFromSchedule() {
        return Distribution.of(samples.stream().map(LoadSample::ttftFromScheduleMs).filter(OptionalDouble::isPresent)
                .map(OptionalDouble::getAsDouble).toList());
    }

    /** Scheduled send → first answer token (reasoning excluded). */
    public Distribution answerFromSchedule() {
        return Distribution.of(samples.stream().map(LoadSample::answerFromScheduleMs).filter(OptionalDouble::isPresent)
                .map(OptionalDouble::getAsDouble).toList());
    }

    /** TTFT from the actual send, as a client that ignores its own lateness would report it. */
    public Distribution ttftFromSend() {
        return Distribution.of(samples.stream().map(s -> s.sample().ttftMs()).filter(OptionalDouble::isPresent)
                .map(OptionalDouble::getAsDouble).toList());
    }

    public Distribution sendLag() {
        return Distribution.of(samples.stream().map(LoadSample::sendLagMs).toList());
    }

    /** Every gap between output-bearing events of every counted request. */
    public Distribution itl() {
        Distribution d = new Distribution();
        samples.forEach(s -> s.sample().itlMs().forEach(d::record));
        return d;
    }

    public Distribution e2eFromSchedule() {
        return Distribution.of(samples.stream().map(LoadSample::e2eFromScheduleMs).toList());
    }

    /** The figure {@code metric} of the counted requests; TTFT as {@code firstAnswer} chooses. */
    public Distribution distribution(Slo.Metric metric, boolean firstAnswer) {
        return switch (metric) {
            case TTFT -> firstAnswer ? answerFromSchedule() : ttftFromSchedule();
            case ITL -> itl();
            case E2E -> e2eFromSchedule();
        };
    }

    /** Counted requests per second over the window. */
    public double throughput() {
        return windowNanos <= 0 ? 0 : samples.size() / (windowNanos / 1e9);
    }

    /** Counted requests that met {@code slo}, per second of the window. */
    public double goodput(Slo slo) {
        return windowNanos <= 0 ? 0 : samples.stream().filter(slo::metBy).count() / (windowNanos / 1e9);
    }

    /** Closed loop: fewer streams were on the wire at once than the target (the client held them back). */
    public boolean peakShort() {
        return profile.closedLoop() && !samples.isEmpty()
                && observedPeak < Math.min(profile.streams(), samples.size());
    }

    /** The run as {@code metrics.load[]} writes it. */
    public Map<String, Object> toMetric(Slo slo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", profile.describe());
        m.put("ttftFromScheduleMs", ttftFromSchedule().summary(50, 95, 99));
        if (slo != null && slo.firstAnswer()) {
            m.put("answerFromScheduleMs", answerFromSchedule().summary(50, 95, 99));
        }
        m.put("ttftFromSendMs", ttftFromSend().summary(50, 95, 99));
        m.put("sendLagMs", sendLag().summary(50, 99));
        m.put("itlMs", itl().summary(50, 95));
        m.put("observedPeak", observedPeak);
        m.put("requestsPerSecond", Distribution.round(throughput()));
        if (slo != null) {
            m.put("goodput", Distribution.round(goodput(slo)));
            m.put("meetsSlo", slo.metBy(this));
        }
        m.put("n", samples.size());
        m.put("excluded", excluded);
        if (failures > 0) {
            m.put("failures", failures);
            m.put("firstError", firstError);
        }
        return m;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s: TTFT p50 %.1f / p95 %.1f ms from the schedule (%.1f / %.1f ms from the"
                        + " send), send lag p99 %.1f ms, ITL p95 %.1f ms, peak %d, %.2f requests/s, n=%d%s",
                profile.describe(), ttftFromSchedule().percentile(50), ttftFromSchedule().percentile(95),
                ttftFromSend().percentile(50), ttftFromSend().percentile(95), sendLag().percentile(99),
                itl().percentile(95), observedPeak, throughput(), samples.size(),
                failures > 0 ? ", " + failures + " failed (first: " + firstError + ")" : "");
    }
}
