package dev.modelgate.measure;

import dev.modelgate.catalog.Numbers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a {@link CapacitySearch}: every level measured, the highest that met the SLO
 * ({@code 0}: none), and why the search stopped.
 */
public record Capacity(Slo slo, LoadProfile profile, List<Step> steps, double level, String stoppedBecause) {

    /** One level of the search: whether it met the SLO, and what it missed. */
    public record Step(double level, LoadResult result, boolean metSlo, List<String> misses) {

        public Step {
            misses = List.copyOf(misses);
        }
    }

    public Capacity {
        steps = List.copyOf(steps);
    }

    /** The run of the highest level that met the SLO. */
    public Optional<LoadResult> best() {
        return steps.stream().filter(s -> s.metSlo() && s.level() == level).map(Step::result).findFirst();
    }

    /** Requests meeting the SLO per second at the highest level that met it (0 when none did). */
    public double goodput() {
        return best().map(r -> r.goodput(slo)).orElse(0.0);
    }

    /**
     * e.g. "serves 8 concurrent voice turns within the SLO (TTFT p95 < 300 ms, ITL p95 < 50 ms),
     * goodput 5.1 requests/s; stopped: resolved: …".
     */
    public String describe() {
        String what = level == 0 ? "meets the SLO at no level searched"
                : profile.closedLoop() ? String.format(Locale.ROOT, "serves %d concurrent voice turns within the SLO",
                        (int) level)
                : String.format(Locale.ROOT, "serves %s requests/s within the SLO", Numbers.exact(level));
        return String.format(Locale.ROOT, "%s (%s), goodput %.2f requests/s; stopped: %s", what, slo.describe(),
                goodput(), stoppedBecause);
    }

    /** The search as {@code metrics.capacity} writes it. */
    public Map<String, Object> toMetric() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", profile.closedLoop() ? "concurrency" : "requestsPerSecond");
        m.put("profile", profile.kind().name().toLowerCase(Locale.ROOT));
        m.put("capacity", profile.closedLoop() ? (Object) (int) level : Distribution.round(level));
        m.put("slo", slo.describe());
        m.put("goodput", Distribution.round(goodput()));
        m.put("stoppedBecause", stoppedBecause);
        m.put("steps", steps.stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("level", Distribution.round(s.level()));
            step.put("metSlo", s.metSlo());
            if (!s.misses().isEmpty()) {
                step.put("misses", s.misses());
            }
            step.putAll(s.result().toMetric(slo));
            return step;
        }).toList());
        return m;
    }
}
