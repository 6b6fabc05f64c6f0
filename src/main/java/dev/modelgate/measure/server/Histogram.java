package dev.modelgate.measure.server;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A Prometheus histogram as scraped: cumulative counts per upper bound ({@code le}), the sum and
 * the count of the observations. The difference of two scrapes is the histogram of what happened
 * between them.
 *
 * @param buckets upper bound → observations at or below it (cumulative, {@code +Inf} included)
 */
record Histogram(TreeMap<Double, Double> buckets, double sum, double count) {

    public static final Histogram EMPTY = new Histogram(new TreeMap<>(), 0, 0);

    public Histogram {
        buckets = new TreeMap<>(buckets);
    }

    /** What was observed after {@code earlier} was scraped. */
    public Histogram minus(Histogram earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        for (Map.Entry<Double, Double> b : buckets.entrySet()) {
            delta.put(b.getKey(), b.getValue() - earlier.buckets.getOrDefault(b.getKey(), 0.0));
        }
        return new Histogram(delta, sum - earlier.sum, count - earlier.count);
    }

    public OptionalDouble mean() {
        return count <= 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count);
    }

    /**
     * The {@code q} quantile (0..1) estimated from the buckets as Prometheus's
     * {@code histogram_quantile} does: the bucket holding the rank, interpolated linearly between
     * its lower and upper bound. Its error is the bucket's width; a rank in the {@code +Inf} bucket
     * reads as the highest finite bound.
     */
    public OptionalDouble quantile(double q) {
        if (count <= 0 || buckets.isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = buckets.lastEntry().getValue();
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> b : buckets.entrySet()) {
            if (b.getValue() >= rank) {
                if (b.getKey().isInfinite()) {
                    return OptionalDouble.of(lowerBound);
                }
                double inBucket = b.getValue() - lowerCount;
                double share = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return OptionalDouble.of(lowerBound + (b.getKey() - lowerBound) * share);
            }
            lowerBound = b.getKey();
            lowerCount = b.getValue();
        }
        return OptionalDouble.of(lowerBound);
    }

    /** The bucket bounds around the {@code q} quantile: how far the estimate may be off. */
    public double[] quantileBucket(double q) {
        double rank = q * (buckets.isEmpty() ? 0 : buckets.lastEntry().getValue());
        double lower = 0;
        for (Map.Entry<Double, Double> b : buckets.entrySet()) {
            if (b.getValue() >= rank) {
                return new double[] {lower, b.getKey()};
            }
            lower = b.getKey();
        }
        return new double[] {lower, Double.POSITIVE_INFINITY};
    }
}
