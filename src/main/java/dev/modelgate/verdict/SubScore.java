package dev.modelgate.verdict;

import java.util.List;
import java.util.Map;

/**
 * One of Q, P, V, M, S: its value in [0, 1], the formula with the numbers put in, and the inputs
 * it was computed from, so that a reader can recompute it by hand.
 *
 * @param value   {@code null} when no input needed for it exists; the total then counts it as 0
 *                and {@code missing} names what was missing
 * @param inputs  every figure the formula read (also the missing ones), by role
 * @param missing the figures that were missing, in words
 */
public record SubScore(String key, String title, double weight, Double value, String formula,
                       Map<String, Figure> inputs, List<String> missing) {

    public SubScore {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        missing = List.copyOf(missing);
    }

    public boolean computed() {
        return value != null;
    }

    /** weight × value; 0 when not computed. */
    public double contribution() {
        return value == null ? 0 : weight * value;
    }
}
