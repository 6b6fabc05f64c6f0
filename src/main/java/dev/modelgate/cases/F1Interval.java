package dev.modelgate.cases;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The 95 % interval of a pooled (micro-averaged) entity F1. F1 is not a share of passed cases, so
 * the Wilson interval does not apply; the texts are the sampling unit (entities of one text are not
 * independent), so the interval comes from a percentile bootstrap over texts: draw as many texts as
 * there are, with replacement, pool their counts, take F1; {@value #RESAMPLES} times with a fixed
 * seed, so that the same answers always give the same interval; the 2.5th and 97.5th percentiles.
 *
 * <p>When every text was answered perfectly the resamples cannot vary and would give [1, 1]; the
 * interval is then the Wilson interval of n perfect texts out of n, so that a small suite answered
 * perfectly is not taken for certainty.
 */
public final class F1Interval {

    public static final int RESAMPLES = 2000;
    public static final long SEED = 20_240_613L;

    private F1Interval() {
    }

    /** The interval over {@code perCase}, one score per text (repeats of a text already summed). */
    public static Proportion.Interval of(List<EntityScore> perCase) {
        int n = perCase.size();
        if (n == 0) {
            return new Proportion.Interval(0, 1);
        }
        if (perCase.stream().allMatch(s -> s.falsePositives() == 0 && s.falseNegatives() == 0)) {
            return new Proportion(n, n).wilson95();
        }
        int[] tp = new int[n];
        int[] fp = new int[n];
        int[] fn = new int[n];
        for (int i = 0; i < n; i++) {
            tp[i] = perCase.get(i).truePositives();
            fp[i] = perCase.get(i).falsePositives();
            fn[i] = perCase.get(i).falseNegatives();
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] f1 = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            int t = 0;
            int p = 0;
            int m = 0;
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(n);
                t += tp[k];
                p += fp[k];
                m += fn[k];
            }
            f1[r] = new EntityScore(t, p, m, List.of(), List.of()).f1();
        }
        Arrays.sort(f1);
        return new Proportion.Interval(percentile(f1, 0.025), percentile(f1, 0.975));
    }

    /** The sorted sample's {@code q}-quantile, interpolated between neighbours. */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int below = (int) Math.floor(pos);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (pos - below) * (sorted[above] - sorted[below]);
    }
}
