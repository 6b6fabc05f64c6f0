package dev.modelgate.verdict;

import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Weights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every number of the score formulas (SPEC §5), with the defaults of the SPEC, overridable under
 * {@code scoring:} in {@code requirements.yaml}; weights and the swap threshold come from their
 * own keys there.
 *
 * <table>
 *   <caption>scoring keys</caption>
 *   <tr><td>{@code relativeFactor}</td><td>2</td><td>"twice as good" scores 1.0 (P and M); per sub-score:
 *       {@code performance.relativeFactor}, {@code memory.relativeFactor}</td></tr>
 *   <tr><td>{@code performance.decodeShare}</td><td>0.5</td><td>share of decode speed in P; TTFT has the rest</td></tr>
 *   <tr><td>{@code performance.capacityShare}</td><td>0</td><td>share of the capacity at the SLO in P (relative
 *       to the baseline's); decode and TTFT share the rest as {@code decodeShare} says</td></tr>
 *   <tr><td>{@code vision.minPassRate}</td><td>0.5</td><td>share of vision cases to pass for V = 1</td></tr>
 *   <tr><td>{@code stability.<rating>}</td><td>production 1.0, stable 0.8, recent 0.5, preview 0.2</td>
 *       <td>value of a rating; new ratings may be added</td></tr>
 *   <tr><td>{@code stability.faultPenalty}</td><td>0.1</td><td>subtracted from S per fault seen in the run</td></tr>
 *   <tr><td>{@code quality.missingAs}</td><td>(unset)</td><td>unset: a missing quality figure is left out
 *       of the mean; set (e.g. 0): it counts as that value</td></tr>
 *   <tr><td>{@code quality.kannadaNativeShare}</td><td>0.5</td><td>share of the native-response rate in the
 *       Kannada score; Kannada entity F1 has the rest</td></tr>
 * </table>
 */
public record ScoringParameters(Weights weights, double swapThreshold, double performanceFactor, double decodeShare,
                                double memoryFactor, double visionMinPassRate, Map<String, Double> stabilityRatings,
                                double faultPenalty, Optional<Double> qualityMissingAs, double kannadaNativeShare,
                                double capacityShare) {

    public static final double DEFAULT_RELATIVE_FACTOR = 2;
    private static final Map<String, Double> DEFAULT_RATINGS = Map.of(
            "production", 1.0, "stable", 0.8, "recent", 0.5, "preview", 0.2);
    private static final List<String> KNOWN = List.of("relativeFactor", "performance.relativeFactor",
            "performance.decodeShare", "performance.capacityShare", "memory.relativeFactor", "vision.minPassRate", "stability.faultPenalty",
            "quality.missingAs", "quality.kannadaNativeShare");

    public ScoringParameters {
        stabilityRatings = Map.copyOf(stabilityRatings);
    }

    /** The SPEC §5 defaults. */
    public static final ScoringParameters DEFAULTS = new ScoringParameters(Weights.DEFAULTS, 0.15,
            DEFAULT_RELATIVE_FACTOR, 0.5, DEFAULT_RELATIVE_FACTOR, 0.5, DEFAULT_RATINGS, 0.1, Optional.empty(), 0.5, 0);

    /**
     * The parameters of a requirement table.
     *
     * @throws IllegalArgumentException for a {@code scoring:} key that is not known (a typo would
     *                                  otherwise silently keep the default) or a value out of range
     */
    public static ScoringParameters of(Requirements r) {
        Map<String, Double> given = r.scoring() == null ? Map.of() : r.scoring();
        List<String> problems = new ArrayList<>();
        for (String key : given.keySet()) {
            if (!KNOWN.contains(key) && !key.startsWith("stability.")) {
                problems.add("scoring." + key + " is not a scoring parameter; known: " + KNOWN
                        + " and stability.<rating>");
            }
        }
        double relative = r.scoring("relativeFactor", DEFAULT_RELATIVE_FACTOR);
        Map<String, Double> ratings = new LinkedHashMap<>(DEFAULT_RATINGS);
        given.forEach((k, v) -> {
            if (k.startsWith("stability.") && !k.equals("stability.faultPenalty")) {
                ratings.put(k.substring("stability.".length()).toLowerCase(Locale.ROOT), v);
            }
        });
        ScoringParameters p = new ScoringParameters(
                r.weights() == null ? Weights.DEFAULTS : r.weights(),
                r.swapThreshold(),
                r.scoring("performance.relativeFactor", relative),
                r.scoring("performance.decodeShare", 0.5),
                r.scoring("memory.relativeFactor", relative),
                r.scoring("vision.minPassRate", 0.5),
                ratings,
                r.scoring("stability.faultPenalty", 0.1),
                Optional.ofNullable(given.get("quality.missingAs")).filter(v -> !v.isNaN()),
                r.scoring("quality.kannadaNativeShare", 0.5),
                r.scoring("performance.capacityShare", 0));
        if (p.performanceFactor <= 0 || p.memoryFactor <= 0) {
            problems.add("scoring.relativeFactor must be > 0 (2 means twice as good scores 1.0)");
        }
        for (var share : Map.of("performance.decodeShare", p.decodeShare, "vision.minPassRate", p.visionMinPassRate,
                "quality.kannadaNativeShare", p.kannadaNativeShare, "performance.capacityShare", p.capacityShare)
                .entrySet()) {
            if (share.getValue() < 0 || share.getValue() > 1) {
                problems.add("scoring." + share.getKey() + " must be between 0 and 1, is " + share.getValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Configuration error in " + r.source() + ": "
                    + String.join("; ", problems));
        }
        return p;
    }

    /** The value of a stability rating; empty for a rating no one defined. */
    public Optional<Double> rating(String name) {
        return name == null ? Optional.empty()
                : Optional.ofNullable(stabilityRatings.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every parameter in effect, for {@code verdict.json}. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weights", Map.of("quality", weights.quality(), "performance", weights.performance(),
                "vision", weights.vision(), "memory", weights.memory(), "stability", weights.stability()));
        m.put("swapThreshold", swapThreshold);
        m.put("performance.relativeFactor", performanceFactor);
        m.put("performance.decodeShare", decodeShare);
        m.put("performance.capacityShare", capacityShare);
        m.put("memory.relativeFactor", memoryFactor);
        m.put("vision.minPassRate", visionMinPassRate);
        m.put("stability.ratings", new java.util.TreeMap<>(stabilityRatings));
        m.put("stability.faultPenalty", faultPenalty);
        m.put("quality.missingAs", qualityMissingAs.map(v -> (Object) v).orElse("left out of the mean"));
        m.put("quality.kannadaNativeShare", kannadaNativeShare);
        return m;
    }
}
