package dev.modelgate.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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

    /** Time to first token: request written → first event with content, reasoning or tool calls. */
    public OptionalLong ttftNanos() {
        return firstOutput().map(e -> OptionalLong.of(e.arrivalNanos() - sentNanos)).orElse(OptionalLong.empty());
    }

    /** The first event with part of the answer (content or tool calls), if any. */
    public Optional<StreamEvent> firstAnswer() {
        return events.stream().filter(StreamEvent::bearsAnswer).findFirst();
    }

    /**
     * Time to first answer token: request written → first event with content or tool calls;
     * reasoning does not count. For a voice assistant, when speech can start.
     */
    public OptionalLong timeToFirstAnswerNanos() {
        return firstAnswer().map(e -> OptionalLong.of(e.arrivalNanos() - sentNanos)).orElse(OptionalLong.empty());
    }

    /** Whether the server streamed reasoning separately from the answer ({@code reasoning}/{@code reasoning_content}). */
    public boolean reasoned() {
        return events.stream().anyMatch(e -> !e.reasoning().isEmpty());
    }

    /**
     * How long the model reasoned before it answered: first reasoning event → first answer event.
     * Empty when it streamed no reasoning, or no answer after it.
     */
    public OptionalLong reasoningNanos() {
        Optional<StreamEvent> thought = events.stream().filter(e -> !e.reasoning().isEmpty()).findFirst();
        Optional<StreamEvent> answer = firstAnswer();
        if (thought.isEmpty() || answer.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, answer.get().arrivalNanos() - thought.get().arrivalNanos()));
    }

    /**
     * Reasoning tokens: counted from the cumulative usage of each event when every event carries it
     * (the tokens of the events that held reasoning and nothing of the answer), else as the usage
     * chunk's {@code completion_tokens_details.reasoning_tokens} when the server reports it.
     */
    public OptionalInt reasoningTokens() {
        if (!reasoned()) {
            return usage.map(Usage::reportedReasoningTokens).orElse(OptionalInt.empty());
        }
        if (countsEveryEvent()) {
            int total = 0;
            int previous = 0;
            for (StreamEvent e : outputs()) {
                if (e.reasoningOnly()) {
                    total += e.cumulativeTokens() - previous;
                }
                previous = e.cumulativeTokens();
            }
            return OptionalInt.of(total);
        }
        return usage.map(Usage::reportedReasoningTokens).orElse(OptionalInt.empty());
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
     * Whether every output event carried the cumulative token count (vLLM with
     * {@code stream_options.continuous_usage_stats}): then how many tokens each event held is known.
     */
    public boolean countsEveryEvent() {
        List<StreamEvent> outputs = outputs();
        return !outputs.isEmpty() && outputs.stream().allMatch(StreamEvent::countsTokens);
    }

    /** The tokens of each output event, in order, when every event carried the cumulative count. */
    public Optional<List<Integer>> tokensPerEvent() {
        if (!countsEveryEvent()) {
            return Optional.empty();
        }
        List<Integer> out = new ArrayList<>();
        int previous = 0;
        for (StreamEvent e : outputs()) {
            out.add(e.cumulativeTokens() - previous);
            previous = e.cumulativeTokens();
        }
        return Optional.of(out);
    }

    /**
     * Decode speed: tokens generated after the first output event over the time from it to the last
     * one. Exact when every event carried the cumulative count: {@code (n_last − n_first) / (t_last −
     * t_first)}, where {@code n_first} is what the first event held (one token, or several under
     * speculative decoding or a stream interval). Otherwise {@code (completion_tokens − 1) / (t_last −
     * t_first)}, which takes the first event as one token: see {@link #decodeIsEstimate()}. Empty
     * without usage, with fewer than two tokens, or when all output came in one event.
     */
    public OptionalDouble decodeTokensPerSecond() {
        Optional<StreamEvent> first = firstOutput();
        Optional<StreamEvent> last = lastOutput();
        if (first.isEmpty()) {
            return OptionalDouble.empty();
        }
        long span = last.get().arrivalNanos() - first.get().arrivalNanos();
        if (span <= 0) {
            return OptionalDouble.empty();
        }
        if (countsEveryEvent()) {
            int after = last.get().cumulativeTokens() - first.get().cumulativeTokens();
            return after < 1 ? OptionalDouble.empty() : OptionalDouble.of(after / (span / 1e9));
        }
        OptionalLong tokens = completionTokens();
        if (tokens.isEmpty() || tokens.getAsLong() < 2) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((tokens.getAsLong() - 1) / (span / 1e9));
    }

    /**
     * Whether {@link #decodeTokensPerSecond()} is an estimate: the events did not carry token counts
     * and held more tokens than events, so the first event may have held more than the one token the
     * formula takes out (it then reads high by up to {@code (k − 1) / (completion_tokens − 1)}).
     */
    public boolean decodeIsEstimate() {
        return !countsEveryEvent() && completionTokens().isPresent()
                && completionTokens().getAsLong() > outputEvents();
    }

    private List<StreamEvent> outputs() {
        return events.stream().filter(StreamEvent::bearsOutput).toList();
    }

    /** Gaps between consecutive output-bearing events (inter-token latency). */
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
