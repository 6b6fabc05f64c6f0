package dev.modelgate.measure.memory;

import java.util.Map;

/**
 * A line of the server's log saying that the model does not fit its memory, with the figures the
 * line carries (GiB, tokens).
 *
 * @param kind             what went wrong, e.g. {@code no-kv-cache-memory}
 * @param candidateAtFault whether the candidate does not fit its budget ({@code true}), or the
 *                         machine did not have the memory free that the budget asks for
 *                         ({@code false}: another process holds it; the test is broken, not failed)
 * @param line             the log line, colour codes and process prefix removed
 * @param figures          the numbers in the line by name, e.g. {@code neededKvCacheGiB}
 */
public record MemoryFailure(String kind, boolean candidateAtFault, String line, Map<String, Double> figures) {

    public MemoryFailure {
        figures = Map.copyOf(figures);
    }
}
