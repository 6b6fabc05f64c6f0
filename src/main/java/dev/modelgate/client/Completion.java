package dev.modelgate.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A streamed chat completion with the arrival time of every event. All times are
 * {@link System#nanoTime()} values of this JVM; durations are derived from them.
 *
 * @param sentNanos      just before the request bytes were written
 * @param firstByteNanos when the response headers began to arrive (time to first byte)
 * @param doneNanos      when {@code [DONE]} (or the end of the stream) arrived
 * @param sawDone        whether the stream ended with {@code data: [DONE]}
 * @param usage          the usage chunk, if the server sent one
 */
public record Completion(
        long sentNanos,
        long firstByteNanos,
        long doneNanos,
        List<StreamEvent> events,
        String content,
        String reasoning,
        List<ToolCall> toolCalls,
        Optional<Usage> usage,
        String finishReason,
        boolean sawDone) {

    public Completion {
        events = List.copyOf(events);
        toolCalls = List.copyOf(toolCalls);
    }

    /** The first event that carries output (content, reasoning or tool calls), if any. */
    public Optional<StreamEvent> firstOutput() {
        return events.stream().filter(StreamEvent::bearsOutput).findFirst();
    }

    /** The last event that carries output, if any. */
    public Optional<StreamEvent> lastOutput() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).bearsOutput()) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    /** Time to first token (SPEC §4): request written → first output-bearing event. */
    public OptionalLong ttftNanos() {
        return firstOutput().map(e -> OptionalLong.of(e.arrivalNanos() - sentNanos)).orElse(OptionalLong.empty());
    }

    /** Time to first byte of the response, for comparison with TTFT. */
    public long ttfbNanos() {
        return firstByteNanos - sentNanos;
    }

    /** End to end: request written → {@code [DONE]}. */
    public long e2eNanos() {
        return doneNanos - sentNanos;
    }

    /** Output tokens from the usage chunk; the number of events is never used in its place. */
    public OptionalLong completionTokens() {
        return usage.map(u -> OptionalLong.of(u.completionTokens())).orElse(OptionalLong.empty());
    }

    /**
     * Decode speed (SPEC §4): {@code (completion_tokens − 1) / (t_last − t_first)} over the
     * output-bearing events. Empty without usage, with fewer than two tokens, or when all output
     * came in one event.
     */
    public OptionalDouble decodeTokensPerSecond() {
        Optional<StreamEvent> first = firstOutput();
        Optional<StreamEvent> last = lastOutput();
        OptionalLong tokens = completionTokens();
        if (first.isEmpty() || tokens.isEmpty() || tokens.getAsLong() < 2) {
            return OptionalDouble.empty();
        }
        long span = last.get().arrivalNanos() - first.get().arrivalNanos();
        if (span <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((tokens.getAsLong() - 1) / (span / 1e9));
    }

    /** Gaps between consecutive output-bearing events (inter-token latency, SPEC §4). */
    public List<Long> interEventGapsNanos() {
        List<Long> gaps = new ArrayList<>();
        long previous = -1;
        for (StreamEvent e : events) {
            if (!e.bearsOutput()) {
                continue;
            }
            if (previous >= 0) {
                gaps.add(e.arrivalNanos() - previous);
            }
            previous = e.arrivalNanos();
        }
        return gaps;
    }

    /** How many events carried output: compare with {@link #completionTokens()} to see tokens per event. */
    public int outputEvents() {
        return (int) events.stream().filter(StreamEvent::bearsOutput).count();
    }
}
