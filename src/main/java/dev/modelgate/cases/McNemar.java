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
        double tail = n <= DIRECT_LIMIT ? directTail(n, k) : logTail(n, k);
        return Math.min(1, 2 * tail);
    }

    /** Up to this many discordant cases 2⁻ⁿ is a normal double and the tail is summed directly. */
    private static final int DIRECT_LIMIT = 1000;

    /** Σ C(n, i) / 2ⁿ for i = 0..k, each term from the one before. */
    private static double directTail(int n, int k) {
        double term = Math.pow(0.5, n);
        double sum = term;
        for (int i = 1; i <= k; i++) {
            term = term * (n - i + 1) / i;
            sum += term;
        }
        return sum;
    }

    /** The same sum in log space, for suites so large that 2⁻ⁿ would underflow. */
    private static double logTail(int n, int k) {
        double[] logs = new double[k + 1];
        logs[0] = -n * Math.log(2);
        double max = logs[0];
        for (int i = 1; i <= k; i++) {
            logs[i] = logs[i - 1] + Math.log(n - i + 1) - Math.log(i);
            max = Math.max(max, logs[i]);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return Math.exp(max + Math.log(sum));
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
