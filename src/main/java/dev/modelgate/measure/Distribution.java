package dev.modelgate.measure;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * The values of one figure (milliseconds, tokens per second, …) and their percentiles, kept in an
 * HdrHistogram with four significant digits (a percentile is off by at most 0.01 % of its
 * value). Percentiles are nearest-rank: p50 of 20 values is the 10th smallest. Every summary
 * carries its sample count {@code n}. Not thread-safe.
 */
public final class Distribution {

    private static final int SIGNIFICANT_DIGITS = 4;

    private final DoubleHistogram histogram = new DoubleHistogram(SIGNIFICANT_DIGITS, IntCountsHistogram.class);

    public static Distribution of(Collection<? extends Number> values) {
        Distribution d = new Distribution();
        values.forEach(v -> d.record(v.doubleValue()));
        return d;
    }

    /** Records a value; values must be finite and not negative. */
    public Distribution record(double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("a figure must be a finite value >= 0, got " + value);
        }
        histogram.recordValue(value);
        return this;
    }

    public int count() {
        return (int) histogram.getTotalCount();
    }

    public boolean isEmpty() {
        return histogram.getTotalCount() == 0;
    }

    /** The nearest-rank percentile, e.g. {@code percentile(50)}; NaN when empty. */
    public double percentile(double p) {
        return isEmpty() ? Double.NaN : histogram.getValueAtPercentile(p);
    }

    public double max() {
        return isEmpty() ? Double.NaN : histogram.getMaxValue();
    }

    /**
     * The figure as the result file writes it: {@code {"p50": …, "p90": …, "n": …}} for the given
     * percentiles, rounded to two decimals. An empty distribution has only {@code n: 0}.
     */
    public Map<String, Object> summary(double... percentiles) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!isEmpty()) {
            for (double p : percentiles) {
                out.put(label(p), round(percentile(p)));
            }
        }
        out.put("n", count());
        return out;
    }

    static String label(double p) {
        return p == Math.rint(p) ? "p" + (long) p : "p" + String.format(Locale.ROOT, "%s", p).replace('.', '_');
    }

    /** Two decimals: figures are reported, not computed with further. */
    public static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
