package dev.modelgate.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by messages and reports: no trailing zeros, no exponent. */
public final class Numbers {

    private Numbers() {
    }

    /** {@code 300.0 -> "300"}, {@code 0.9 -> "0.9"}, {@code 412.3456 -> "412.35"}. */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).setScale(Math.abs(v) >= 100 ? 1 : 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** Exactly, without rounding: {@code 95.0 -> "95"}, {@code 99.9 -> "99.9"}, {@code 3.125 -> "3.125"}. */
    public static String exact(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A ratio as a percentage: {@code 0.875 -> "87.5 %"}. */
    public static String percent(double ratio) {
        return BigDecimal.valueOf(ratio * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + " %";
    }
}
