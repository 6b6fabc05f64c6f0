package dev.modelgate.engine.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns the NDJSON lines of {@code /api/pull} into console lines: every new status at once, byte
 * progress of a layer at most every few seconds, and the layer's completion.
 */
final class PullProgress implements Consumer<JsonNode> {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private final String prefix;
    private final Consumer<String> console;
    private String lastStatus;
    private long nextReport;
    private long lastCompleted = -1;

    PullProgress(String prefix, Consumer<String> console) {
        this.prefix = prefix;
        this.console = console;
    }

    @Override
    public void accept(JsonNode event) {
        String status = event.path("status").asText("");
        long total = event.path("total").asLong(0);
        long completed = event.path("completed").asLong(0);
        long now = System.nanoTime();
        boolean changed = !status.equals(lastStatus);
        boolean layerDone = total > 0 && completed == total && lastCompleted != total;
        lastCompleted = completed;
        if (!changed && !layerDone && (total <= 0 || now < nextReport)) {
            return;
        }
        lastStatus = status;
        nextReport = now + EVERY.toNanos();
        String bytes = total > 0 ? String.format(Locale.ROOT, ": %.2f of %.2f GiB (%.0f%%)", completed / GIB,
                total / GIB, 100.0 * completed / total) : "";
        console.accept(prefix + status + bytes);
    }

    private static final double GIB = 1024.0 * 1024 * 1024;
}
