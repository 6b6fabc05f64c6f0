package dev.modelgate.verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formats of the verdict: enough digits to recompute a sub-score by hand, none to spare. */
public final class Format {

    private Format() {
    }

    /** Up to four decimals, trailing zeros dropped: {@code 0.83375 -> "0.8338"}, {@code 130.0 -> "130"}. */
    public static String num(double v) {
        return fixed(v, 4);
    }

    /** Up to {@code decimals} decimals, trailing zeros dropped. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        String s = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** A total score: always three decimals, so columns line up ({@code 0.5 -> "0.500"}). */
    public static String score(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** A relative change with its sign: {@code 0.05 -> "+5 %"}, {@code -0.123 -> "-12.3 %"}. */
    public static String gain(double g) {
        return gain(g, 1);
    }

    static String gain(double g, int decimals) {
        String s = fixed(g * 100, decimals);
        return (g >= 0 && !s.startsWith("-") ? "+" : "") + s + " %";
    }

    /** A ratio as a percentage: {@code 0.875 -> "87.5 %"}. */
    public static String percent(double ratio) {
        return fixed(ratio * 100, 1) + " %";
    }
}
