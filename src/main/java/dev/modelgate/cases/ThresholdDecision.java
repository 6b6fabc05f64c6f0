package dev.modelgate.cases;

import dev.modelgate.catalog.Threshold;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Whether a suite's figure decides one threshold (the must-have or the nice-to-have): decided when
 * the bound lies outside the figure's 95 % interval, bounds included, so that the data say on which
 * side the model's true figure is. The point estimate still judges the requirement as written; an
 * undecided threshold says how many cases, at the observed figure, would decide it.
 *
 * @param side          {@code must} or {@code nice}
 * @param threshold     the threshold as written, e.g. {@code "> 90 %"}
 * @param decided       whether the interval lies wholly on one side of the bound
 * @param met           the side the interval lies on (the point estimate's side when undecided)
 * @param casesToDecide the number of cases at which the interval at the observed figure leaves the
 *                      bound; empty when no number of cases would (the figure equals the bound) or
 *                      more than {@link CasesNeeded#LIMIT} would be needed
 * @param cases         the cases the figure was measured on
 */
public record ThresholdDecision(String side, String threshold, boolean decided, boolean met,
                                OptionalLong casesToDecide, int cases) {

    /** Judges {@code value} with interval {@code ci}, measured on {@code cases} cases, against {@code c}. */
    public static ThresholdDecision of(String side, String threshold, Threshold.Comparison c, double value,
                                       Proportion.Interval ci, int cases, CasesNeeded needed) {
        boolean above = ci.low() > c.bound();
        boolean decided = !ci.holds(c.bound()) && c.test(value) == c.test(above ? ci.low() : ci.high());
        boolean met = decided ? c.test(above ? ci.low() : ci.high()) : c.test(value);
        OptionalLong need = decided ? OptionalLong.of(cases) : needed.casesToExclude(value, c.bound(), cases);
        return new ThresholdDecision(side, threshold, decided, met, need, cases);
    }

    /** Cases beyond those measured that would decide it; 0 when decided. */
    public OptionalLong moreCases() {
        return casesToDecide.isPresent() ? OptionalLong.of(Math.max(0, casesToDecide.getAsLong() - cases))
                : OptionalLong.empty();
    }

    /**
     * One line for the report: {@code "must-have > 90 %: decided (met)"} or {@code "must-have > 90 %:
     * undecided: its 95 % interval holds the bound; 25 more cases at the observed figure would decide it
     * (35 in all)"}.
     */
    public String describe() {
        String head = (side.equals("must") ? "must-have " : "nice-to-have ") + threshold + ": ";
        if (decided) {
            return head + "decided (" + (met ? "met" : "missed") + ")";
        }
        String tail = casesToDecide.isPresent()
                ? moreCases().getAsLong() + " more cases at the observed figure would decide it ("
                + casesToDecide.getAsLong() + " in all)"
                : "no number of cases at the observed figure would decide it (it equals the bound, or more than "
                + CasesNeeded.LIMIT + " cases would be needed)";
        return head + "undecided (" + (met ? "met" : "missed") + " on the point estimate): its 95 % interval holds"
                + " the bound; " + tail;
    }

    /** The entry in the result file. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", threshold);
        m.put("decided", decided);
        m.put("met", met);
        m.put("cases", cases);
        if (casesToDecide.isPresent()) {
            m.put("casesToDecide", casesToDecide.getAsLong());
            m.put("moreCases", moreCases().getAsLong());
        } else {
            m.put("casesToDecide", null);
        }
        m.put("text", describe());
        return m;
    }
}
