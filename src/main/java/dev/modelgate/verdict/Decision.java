package dev.modelgate.verdict;

import java.util.List;

/**
 * The swap decision for one candidate and why: every must-have passed AND
 * {@code total ≥ (1 + swapThreshold) × baseline total}.
 *
 * @param reason       one line a person can act on; also the verdict test's message
 * @param inconclusive must-have decisions whose 95 % interval contains the threshold
 */
public record Decision(Outcome outcome, String reason, RequirementReview review, List<String> inconclusive) {

    /** Two totals that differ by less than this are equal: a candidate exactly at +15 % swaps. */
    static final double TOLERANCE = 1e-9;

    public Decision {
        inconclusive = List.copyOf(inconclusive);
    }

    public boolean swap() {
        return outcome == Outcome.SWAP;
    }

    public boolean isInconclusive() {
        return !inconclusive.isEmpty();
    }

    /**
     * Decides for a candidate with a result file.
     *
     * @param baselineLabel how the message names the baseline's figures ("declared", "measured in this run", …)
     */
    static Decision decide(Score score, Score baseline, String baselineLabel, RequirementReview review,
                           ScoringParameters p, List<String> scoreInconclusive) {
        List<String> inconclusive = new java.util.ArrayList<>(review.inconclusive());
        inconclusive.addAll(scoreInconclusive);
        String scoreLine = scoreLine(score.total(), baseline.total(), baselineLabel, p.swapThreshold());
        String notCounted = notComputed(score);
        String suffix = inconclusive.isEmpty() ? "" : " [inconclusive: " + String.join("; ", inconclusive) + "]";
        if (!review.mustHaveMisses().isEmpty()) {
            return new Decision(Outcome.DISQUALIFIED, "disqualified: " + String.join("; ", review.mustHaveMisses())
                    + " — " + scoreLine + suffix, review, inconclusive);
        }
        if (!review.notEstablished().isEmpty()) {
            return new Decision(Outcome.NOT_ESTABLISHED, "not established: " + String.join("; ",
                    review.notEstablished()) + " — " + scoreLine + suffix, review, inconclusive);
        }
        boolean swap = meetsThreshold(score.total(), baseline.total(), p.swapThreshold());
        return new Decision(swap ? Outcome.SWAP : Outcome.NO_SWAP, (swap ? "swap: " : "") + scoreLine + notCounted
                + suffix, review, inconclusive);
    }

    static Decision notEstablished(String reason) {
        return new Decision(Outcome.NOT_ESTABLISHED, "not established: " + reason,
                new RequirementReview(List.of(), List.of(reason), List.of(), List.of()), List.of());
    }

    static Decision baseline(Score score) {
        return new Decision(Outcome.BASELINE, "is the baseline: its score " + Format.score(score.total())
                + " is the reference", new RequirementReview(List.of(), List.of(), List.of(), List.of()), List.of());
    }

    /** total ≥ (1 + threshold) × baseline, within {@link #TOLERANCE}. */
    static boolean meetsThreshold(double total, double baseline, double threshold) {
        return total >= (1 + threshold) * baseline - TOLERANCE;
    }

    /** {@code "score 0.610 vs baseline 0.580 (declared): +5.2 %, needs +15 %"}. */
    static String scoreLine(double total, double baseline, String baselineLabel, double threshold) {
        String head = "score " + Format.score(total) + " vs baseline " + Format.score(baseline)
                + (baselineLabel == null ? "" : " (" + baselineLabel + ")");
        if (baseline <= 0) {
            return head + ": the baseline scores 0, any score ≥ 0 meets +" + Format.fixed(threshold * 100, 1) + " %";
        }
        double gain = total / baseline - 1;
        String needs = Format.gain(threshold);
        String shown = Format.gain(gain);
        boolean meets = meetsThreshold(total, baseline, threshold);
        if (shown.equals(needs) && !meets) {
            shown = Format.gain(gain, 4); // just below: show the digits that make the difference
        }
        return head + ": " + shown + ", needs " + needs;
    }

    private static String notComputed(Score score) {
        List<SubScore> none = score.notComputed();
        if (none.isEmpty()) {
            return "";
        }
        return " (counted as 0, not computed: " + String.join(", ", none.stream()
                .map(s -> s.key() + " — " + String.join(", ", s.missing())).toList()) + ")";
    }
}
