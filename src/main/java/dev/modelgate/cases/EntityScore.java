package dev.modelgate.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of an extraction against the expected set: true positives, false positives (answered but
 * not expected), false negatives (expected but missing). Scores of several cases add up (micro
 * average: every entity weighs the same).
 *
 * @param spurious the answered names that match no expected entity (as answered)
 * @param missed   the expected entities not found (by their main name)
 */
public record EntityScore(int truePositives, int falsePositives, int falseNegatives, List<String> spurious,
                          List<String> missed) {

    public static final EntityScore ZERO = new EntityScore(0, 0, 0, List.of(), List.of());

    public EntityScore {
        spurious = List.copyOf(spurious);
        missed = List.copyOf(missed);
    }

    /** TP / (TP + FP); 1 when nothing was answered and nothing was expected, else 0 when nothing was answered. */
    public double precision() {
        int answered = truePositives + falsePositives;
        return answered == 0 ? (falseNegatives == 0 ? 1 : 0) : (double) truePositives / answered;
    }

    /** TP / (TP + FN); 1 when nothing was expected. */
    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? (falsePositives == 0 ? 1 : 0) : (double) truePositives / expected;
    }

    /** The harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public EntityScore plus(EntityScore other) {
        List<String> s = new ArrayList<>(spurious);
        s.addAll(other.spurious);
        List<String> m = new ArrayList<>(missed);
        m.addAll(other.missed);
        return new EntityScore(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives, s, m);
    }
}
