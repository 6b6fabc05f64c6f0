package dev.modelgate.measure.server;

import dev.modelgate.client.Completion;
import java.util.ArrayList;
import java.util.List;

/**
 * What the client saw between two scrapes of the server's metrics, warm-up requests included:
 * completed streams, the usage each reported, and each one's time to first token. Thread-safe.
 */
public final class ClientTally {

    private long requests;
    private long withUsage;
    private long promptTokens;
    private long completionTokens;
    private final List<Double> ttftMs = new ArrayList<>();

    public synchronized void add(Completion c) {
        requests++;
        c.usage().ifPresent(u -> {
            withUsage++;
            promptTokens += u.promptTokens();
            completionTokens += u.completionTokens();
        });
        c.ttftNanos().ifPresent(n -> ttftMs.add(n / 1e6));
    }

    public synchronized long requests() {
        return requests;
    }

    /** Requests whose stream carried a usage chunk: the token sums are only complete when it equals {@link #requests()}. */
    public synchronized long withUsage() {
        return withUsage;
    }

    public synchronized long promptTokens() {
        return promptTokens;
    }

    public synchronized long completionTokens() {
        return completionTokens;
    }

    public synchronized List<Double> ttftMs() {
        return List.copyOf(ttftMs);
    }
}
