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
        TtftChoice ttft) {

    public Requirements {
        ttft = ttft == null ? TtftChoice.DEFAULTS : ttft;
    }

    public Requirements(String baseline, double swapThreshold, Weights weights, Machine machine, Sampling sampling,
                        Map<String, RequirementSpec> requirements, Map<String, Double> scoring, String source) {
        this(baseline, swapThreshold, weights, machine, sampling, requirements, scoring, source, TtftChoice.DEFAULTS);
    }

    public Optional<RequirementSpec> get(String id) {
        return Optional.ofNullable(requirements.get(id));
    }

    public RequirementSpec require(String id) {
        RequirementSpec spec = requirements.get(id);
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
        return new Requirements(baseline, swapThreshold, weights, machine, s, requirements, scoring, source, ttft);
    }
}
