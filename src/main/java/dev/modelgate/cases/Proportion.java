package dev.modelgate.cases;

/**
 * An accuracy: {@code passed} of {@code total} cases, with its Wilson score interval. The Wilson
 * interval stays inside [0, 1] and keeps its coverage at the small counts quality suites have
 * (8 cases), where the normal approximation fails.
 */
public record Proportion(int passed, int total) {

    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    public Proportion {
        if (total < 0 || passed < 0 || passed > total) {
            throw new IllegalArgumentException("passed " + passed + " of " + total + " is not a proportion");
        }
    }

    /** passed / total; 0 when there are no cases. */
    public double value() {
        return total == 0 ? 0 : (double) passed / total;
    }

    /** The 95 % Wilson score interval (without continuity correction). */
    public Interval wilson95() {
        return wilson(Z95);
    }

    public Interval wilson(double z) {
        if (total == 0) {
            return new Interval(0, 1);
        }
        return wilson((double) passed / total, total, z);
    }

    /**
     * The Wilson score interval of an observed rate {@code p} over {@code n} independent trials. The
     * rate need not be a whole count of {@code n}: with repeated runs it is the mean pass share of the
     * cases, and {@code n} stays the number of cases.
     */
    public static Interval wilson(double p, double n, double z) {
        if (n <= 0) {
            return new Interval(0, 1);
        }
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 and n the bound is exactly 0 or 1; floating point would leave 1e-16 off.
        double low = p <= 0 ? 0 : Math.max(0, centre - half);
        double high = p >= 1 ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }

    /** A confidence interval [low, high]. */
    public record Interval(double low, double high) {

        /**
         * Whether {@code bound} lies inside, its edges included: the data cannot tell which side of the
         * bound the truth is on, so a threshold there is not decided.
         */
        public boolean holds(double bound) {
            return low <= bound && bound <= high;
        }

        /** {@code [low, high]} rounded to four decimals, for the result file. */
        public double[] rounded() {
            return new double[] {round(low), round(high)};
        }

        private static double round(double v) {
            return Math.round(v * 10000) / 10000.0;
        }
    }
}
