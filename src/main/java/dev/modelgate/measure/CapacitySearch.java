package dev.modelgate.measure;

import dev.modelgate.catalog.Numbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The highest load that meets an {@link Slo}: starting from {@code low}, the load doubles until a
 * level misses the SLO (or {@code high} is reached), then bisects between the highest level that
 * met it and the lowest that did not, until they are {@code resolution} apart (1 stream, or a
 * share of the rate). Bounded: it stops when {@code maxSteps} levels were run or the next level
 * would not finish within {@code budget} (a level is taken to last as long as the last one), and
 * when the client, not the server, fell behind (a closed loop whose observed peak stayed under the
 * target, or an open loop whose send lag p99 exceeded {@code maxSendLagMs}): such a level says
 * nothing about the server. The result names why it stopped.
 *
 * @param profile the load shape; its level is what the search moves (streams or requests per second)
 * @param resolution for a rate, the relative width at which to stop (e.g. 0.1); for concurrency, ignored (1 stream)
 */
public record CapacitySearch(Slo slo, LoadProfile profile, double low, double high, double resolution, int maxSteps,
                             Duration budget, double maxSendLagMs) {

    public CapacitySearch {
        if (!(low > 0) || !(high >= low) || maxSteps < 1) {
            throw new IllegalArgumentException("a capacity search needs 0 < low <= high and maxSteps >= 1, got low "
                    + low + ", high " + high + ", maxSteps " + maxSteps);
        }
    }

    /** Runs the search, measuring each level with {@code measure} (e.g. {@link LoadGenerator#run}). */
    public Capacity run(Function<LoadProfile, LoadResult> measure) {
        List<Capacity.Step> steps = new ArrayList<>();
        long began = System.nanoTime();
        long lastStep = 0;
        double met = 0;
        double missed = Double.NaN;
        double next = level(low);
        String reason;
        while (true) {
            if (steps.size() >= maxSteps) {
                reason = "the step limit of " + maxSteps + " levels was reached";
                break;
            }
            long elapsed = System.nanoTime() - began;
            if (!steps.isEmpty() && elapsed + lastStep > budget.toNanos()) {
                reason = "the time budget of " + budget.toSeconds() + " s would be exceeded by another level";
                break;
            }
            long t0 = System.nanoTime();
            LoadResult result = measure.apply(profile.atLevel(next));
            lastStep = System.nanoTime() - t0;
            String behind = clientBehind(result);
            boolean meets = behind == null && slo.metBy(result);
            steps.add(new Capacity.Step(next, result, meets, behind == null ? slo.misses(result) : List.of(behind)));
            if (behind != null) {
                reason = "the client fell behind at " + result.profile().describe() + " (" + behind
                        + "), so higher levels were not measured";
                break;
            }
            if (meets) {
                met = next;
            } else {
                missed = next;
            }
            if (met == 0) {
                reason = "the lowest level searched, " + result.profile().describe() + ", misses the SLO";
                break;
            }
            if (Double.isNaN(missed)) {
                if (met >= high) {
                    reason = "the highest level searched, " + result.profile().describe() + ", still meets the SLO";
                    break;
                }
                next = Math.min(level(met * 2), level(high));
                continue;
            }
            if (resolved(met, missed)) {
                reason = String.format(Locale.ROOT, "resolved: %s meets the SLO and %s does not", label(met),
                        label(missed));
                break;
            }
            next = level((met + missed) / 2);
        }
        return new Capacity(slo, profile, steps, met, reason);
    }

    private String label(double level) {
        return profile.atLevel(level).describe();
    }

    private boolean resolved(double met, double missed) {
        return profile.closedLoop() ? missed - met <= 1 : (missed - met) <= resolution * met;
    }

    private double level(double v) {
        return profile.closedLoop() ? Math.max(1, Math.floor(v)) : v;
    }

    private String clientBehind(LoadResult result) {
        if (result.peakShort()) {
            return "observed peak " + result.observedPeak() + " < target " + result.profile().streams();
        }
        if (!result.profile().closedLoop() && result.sendLag().percentile(99) > maxSendLagMs) {
            return String.format(Locale.ROOT, "send lag p99 %.1f ms > %s ms", result.sendLag().percentile(99),
                    Numbers.exact(maxSendLagMs));
        }
        return null;
    }
}
