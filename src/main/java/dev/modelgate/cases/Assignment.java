package dev.modelgate.cases;

import java.util.Arrays;

/**
 * A maximum matching in a bipartite graph (Kuhn's augmenting paths): which actual call answers
 * which expected call. Greedy first-fit is not enough: with expected A, B and actual calls
 * that fit {A, B} and {A}, first-fit pairs the first actual with A and leaves B unanswered.
 */
final class Assignment {

    private final boolean[][] fits;
    private final int[] actualToExpected;

    private Assignment(boolean[][] fits, int actualCount) {
        this.fits = fits;
        this.actualToExpected = new int[actualCount];
        Arrays.fill(actualToExpected, -1);
    }

    /**
     * @param fits {@code fits[e][a]}: actual {@code a} satisfies expected {@code e}
     * @return for each expected index, the actual index assigned to it, or -1
     */
    static int[] solve(boolean[][] fits, int actualCount) {
        Assignment a = new Assignment(fits, actualCount);
        for (int e = 0; e < fits.length; e++) {
            a.augment(e, new boolean[actualCount]);
        }
        int[] expectedToActual = new int[fits.length];
        Arrays.fill(expectedToActual, -1);
        for (int act = 0; act < actualCount; act++) {
            if (a.actualToExpected[act] >= 0) {
                expectedToActual[a.actualToExpected[act]] = act;
            }
        }
        return expectedToActual;
    }

    private boolean augment(int expected, boolean[] visited) {
        for (int act = 0; act < actualToExpected.length; act++) {
            if (!fits[expected][act] || visited[act]) {
                continue;
            }
            visited[act] = true;
            if (actualToExpected[act] < 0 || augment(actualToExpected[act], visited)) {
                actualToExpected[act] = expected;
                return true;
            }
        }
        return false;
    }
}
