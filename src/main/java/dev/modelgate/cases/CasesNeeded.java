package dev.modelgate.cases;

import java.util.OptionalLong;

/**
 * How many cases, at the figure observed, an interval needs before it leaves a threshold's bound.
 * Empty when none would: the figure equals the bound, or more than {@link #LIMIT} cases would be needed.
 */
@FunctionalInterface
public interface CasesNeeded {

    /** Beyond this many cases the answer is "no practical number". */
    long LIMIT = 1_000_000;

    OptionalLong casesToExclude(double value, double bound, int cases);

    /**
     * For an accuracy with the Wilson interval: the smallest number of cases N ≥ {@code cases} at
     * which the 95 % Wilson interval of the same rate no longer holds the bound (found by bisection;
     * the interval narrows as N grows).
     */
    static CasesNeeded wilson() {
        return (value, bound, cases) -> {
            if (value == bound) {
                return OptionalLong.empty();
            }
            if (!holds(value, bound, Math.max(1, cases))) {
                return OptionalLong.of(cases);
            }
            if (holds(value, bound, LIMIT)) {
                return OptionalLong.empty();
            }
            long low = Math.max(1, cases); // holds
            long high = LIMIT;             // excludes
            while (high - low > 1) {
                long mid = low + (high - low) / 2;
                if (holds(value, bound, mid)) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            return OptionalLong.of(high);
        };
    }

    /**
     * For a figure whose interval is resampled ({@code [low, high]} from the bootstrap): an estimate
     * that takes the interval's distance from the figure, on the bound's side, to shrink as 1/√N.
     * The interval excludes the bound once that distance falls below |figure − bound|.
     */
    static CasesNeeded scaling(Proportion.Interval ci) {
        return (value, bound, cases) -> {
            if (value == bound || cases <= 0) {
                return OptionalLong.empty();
            }
            double reach = bound < value ? value - ci.low() : ci.high() - value;
            double gap = Math.abs(value - bound);
            if (reach < gap) {
                return OptionalLong.of(cases);
            }
            double n = cases * (reach / gap) * (reach / gap);
            long needed = (long) Math.floor(n) + 1;
            return needed > LIMIT ? OptionalLong.empty() : OptionalLong.of(Math.max(cases, needed));
        };
    }

    private static boolean holds(double value, double bound, long n) {
        return Proportion.wilson(value, n, Proportion.Z95).holds(bound);
    }
}
