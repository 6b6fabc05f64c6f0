package dev.modelgate.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * The requirement table and the decision framework: thresholds per requirement, score weights,
 * the swap threshold, the baseline, the target machine and the sampling plan.
 *
 * @param swapThreshold relative gain over the baseline's total score that recommends a swap (0.15 = +15 %)
 * @param scoring       score formula parameters, by name; absent keys take the defaults
 * @param ttft          which figure and prompt the {@code ttft} requirement judges
 * @param capacity      the SLO and the capacity search ({@code slo:} and {@code capacity:}); null: no search
 */
public record Requirements(
        String baseline,
        double swapThreshold,
        Weights weights,
        Machine machine,
        Sampling sampling,
        Map<String, RequirementSpec> requirements,
        Map<String, Double> scoring,
        String source,
        TtftChoice ttft,
        CapacityPlan capacity) {

    /** The requirement the capacity search reports under: judged only when the table gives it a threshold. */
    public static final String CAPACITY = "capacity";

    public Requirements {
        ttft = ttft == null ? TtftChoice.DEFAULTS : ttft;
    }

    public Requirements(String baseline, double swapThreshold, Weights weights, Machine machine, Sampling sampling,
                        Map<String, RequirementSpec> requirements, Map<String, Double> scoring, String source,
                        TtftChoice ttft) {
        this(baseline, swapThreshold, weights, machine, sampling, requirements, scoring, source, ttft, null);
    }

    public Requirements(String baseline, double swapThreshold, Weights weights, Machine machine, Sampling sampling,
                        Map<String, RequirementSpec> requirements, Map<String, Double> scoring, String source) {
        this(baseline, swapThreshold, weights, machine, sampling, requirements, scoring, source, TtftChoice.DEFAULTS,
                null);
    }

    /** The capacity search, when the table has {@code slo:} and {@code capacity:} blocks. */
    public Optional<CapacityPlan> capacityPlan() {
        return Optional.ofNullable(capacity);
    }

    /**
     * The row {@code id}. {@code capacity} always has one: the table's own, or a row without
     * thresholds (reported, never judged) when the table sets none.
     */
    public Optional<RequirementSpec> get(String id) {
        return Optional.ofNullable(requirements.get(id)).or(() -> CAPACITY.equals(id) ? Optional.of(new RequirementSpec(
                CAPACITY, "Capacity at the SLO", capacity == null ? null : capacity.unit(), Optional.empty(),
                Optional.empty(), "reported, not judged: requirements.capacity sets no threshold")) : Optional.empty());
    }

    public RequirementSpec require(String id) {
        RequirementSpec spec = get(id).orElse(null);
        if (spec == null) {
            throw new IllegalStateException("requirement '" + id + "' is not defined in " + source
                    + "; defined: " + requirements.keySet());
        }
        return spec;
    }

    public double scoring(String key, double fallback) {
        return scoring == null ? fallback : scoring.getOrDefault(key, fallback);
    }

    public Requirements withSampling(Sampling s) {
        return new Requirements(baseline, swapThreshold, weights, machine, s, requirements, scoring, source, ttft,
                capacity);
    }
}
