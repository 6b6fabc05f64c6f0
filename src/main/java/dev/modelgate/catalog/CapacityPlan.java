package dev.modelgate.catalog;

import java.util.List;

/**
 * The capacity search of {@code requirements.yaml}: the SLO a voice turn must meet ({@code slo:})
 * and how to look for the highest load that meets it ({@code capacity:}). Absent from the file:
 * no capacity search.
 *
 * @param slo              the bounds, every one measured from the scheduled send
 * @param profile          {@code concurrency} (streams kept in flight), {@code constant} or
 *                         {@code poisson} (requests per second)
 * @param low              the first level searched (streams or requests per second)
 * @param high             the highest level searched
 * @param resolution       concurrency: ignored (one stream); rates: the relative width at which the
 *                         search stops (0.1: within 10 %)
 * @param budgetSeconds    the search stops when another level would not finish within this time
 * @param maxSteps         the most levels run
 * @param requestsPerLevel requests of one level (0 when {@code durationSeconds} is set)
 * @param durationSeconds  scheduling time of one level (0 when {@code requestsPerLevel} is set)
 * @param warmUpSeconds    requests due in the first seconds of a level are sent, not counted
 * @param coolDownSeconds  requests due in the last seconds of a level are sent, not counted
 * @param seed             the seed of Poisson arrivals
 * @param maxSendLagMs     an open-loop level whose send lag p99 exceeds this says nothing of the
 *                         server: the search stops there
 */
public record CapacityPlan(List<SloBound> slo, String profile, double low, double high, double resolution,
                           double budgetSeconds, int maxSteps, int requestsPerLevel, double durationSeconds,
                           double warmUpSeconds, double coolDownSeconds, long seed, double maxSendLagMs) {

    public static final String CONCURRENCY = "concurrency";

    /** The unit a {@code requirements.capacity} row is written in for this plan. */
    public static String unitFor(String profile) {
        return CONCURRENCY.equals(profile) ? "streams" : "requests/s";
    }

    public CapacityPlan {
        slo = List.copyOf(slo);
    }

    public boolean closedLoop() {
        return CONCURRENCY.equals(profile);
    }

    public String unit() {
        return unitFor(profile);
    }
}
