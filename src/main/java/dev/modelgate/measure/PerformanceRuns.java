package dev.modelgate.measure;

import dev.modelgate.catalog.Sampling;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.client.ChatClient;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One {@link PerformanceRun} per candidate, shared by the tests that report it: keyed by the
 * candidate's {@link ChatClient} instance (one per boot) and its id. Runs are kept for the life
 * of the JVM (a few kilobytes of samples per candidate).
 */
public final class PerformanceRuns {

    private static final Map<ChatClient, Entry> RUNS = new IdentityHashMap<>();

    private PerformanceRuns() {
    }

    /**
     * The run for {@code candidateId} on {@code client}, created at the first call; its requests
     * carry {@code requestFields} (the candidate's performance fields) in place of the client's own.
     */
    public static PerformanceRun forCandidate(ChatClient client, String candidateId, ObjectNode requestFields,
                                              PerformancePrompts prompts, Sampling plan) {
        synchronized (RUNS) {
            Entry e = RUNS.get(client);
            if (e == null || !e.candidateId.equals(candidateId)) {
                e = new Entry(candidateId, new PerformanceRun(client.withFields(requestFields), prompts, plan));
                RUNS.put(client, e);
            }
            return e.run;
        }
    }

    private record Entry(String candidateId, PerformanceRun run) {
    }
}
