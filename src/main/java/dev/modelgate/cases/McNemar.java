package dev.modelgate.cases;

/**
 * The exact McNemar test of two models run on the same cases: only the discordant cases count —
 * {@code b} that the baseline passed and the candidate failed, {@code c} that the candidate passed
 * and the baseline failed. If both models were equally good each discordant case would go either
 * way with probability ½, so {@code min(b, c)} follows Binomial(b + c, ½); the two-sided p-value is
 * twice its lower tail, at most 1.
 *
 * @param b cases the baseline passed and the candidate failed
 * @param c cases the candidate passed and the baseline failed
 */
public record McNemar(int b, int c) {

    /** The significance level of the paired verdict. */
    public static final double ALPHA = 0.05;

    public McNemar {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must not be negative: b=" + b + ", c=" + c);
        }
    }

    /** The two-sided exact p-value; 1 when there is no discordant case. */
    public double pValue() {
        int n = b + c;
        int k = Math.min(b, c);
        if (n == 0) {
            return 1;
        }
        // Sum C(n, i) / 2^n for i = 0..k in log space, so that large suites do not underflow.
        double logHalfPowN = -n * Math.log(2);
        double logTerm = logHalfPowN; // i = 0
        double max = logTerm;
        double[] logs = new double[k + 1];
        logs[0] = logTerm;
        for (int i = 1; i <= k; i++) {
            logTerm += Math.log(n - i + 1) - Math.log(i);
            logs[i] = logTerm;
            max = Math.max(max, logTerm);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        double tail = Math.exp(max + Math.log(sum));
        return Math.min(1, 2 * tail);
    }

    /** Whether the difference is significant at {@link #ALPHA}. */
    public boolean significant() {
        return pValue() < ALPHA;
    }

    /** {@code better}, {@code worse} or {@code no significant difference}, for the candidate. */
    public String outcome() {
        if (!significant()) {
            return "no significant difference";
        }
        return c > b ? "better" : "worse";
    }
}
