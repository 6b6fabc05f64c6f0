package dev.modelgate.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for a value close to an allowed one: at most two edits away, ignoring case. */
public final class Suggestions {

    /** The most edits (insert, delete, replace, swap of two neighbours) a typo is taken to have. */
    public static final int MAX_EDITS = 2;

    private Suggestions() {
    }

    /** The known value closest to {@code value} when it is at most {@link #MAX_EDITS} edits away; ties go to the first. */
    public static Optional<String> closest(String value, Collection<String> known) {
        String v = value.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String k : known) {
            int d = distance(v, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'x'?"} when a close value exists, else empty text. */
    public static String didYouMean(String value, Collection<String> known) {
        return closest(value, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
