package dev.modelgate.measure;

import dev.modelgate.client.Completion;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The figures of one measured request, in milliseconds and tokens per second.
 *
 * @param series          which prompt it measured ({@code short}, {@code voice-turn}, {@code fixed-output},
 *                        {@code long}, {@code c16} …)
 * @param index           its place in the series, from 0 (warm-up requests are not samples)
 * @param ttftMs          request written → first event with content, reasoning or tool calls; empty
 *                        when nothing was generated
 * @param ttfbMs          request written → response headers (for comparison with TTFT)
 * @param e2eMs           request written → {@code [DONE]}
 * @param outputEvents    events that carried output
 * @param completionTokens from the usage chunk, when it has one
 * @param decodeTokensPerSecond tokens after the first output event over the time to the last one, when
 *                        usage is present and trustworthy and the output spans two events or more
 * @param itlMs           gaps between consecutive events with output
 * @param usage           whether the usage chunk is present and agrees with the stream
 * @param scheduleLagMs   actual send − scheduled send (concurrency levels; 0 for sequential series)
 * @param answerMs        request written → first event with content or tool calls (reasoning excluded)
 * @param reasoningMs     first reasoning event → first answer event, when the server streamed reasoning
 * @param reasoningTokens tokens of reasoning, when the events' counts or the usage chunk give them
 * @param tokensPerEvent  the tokens of each output event, when every event carried the cumulative
 *                        count; empty otherwise
 * @param decodeEstimate  whether the decode figure took the first event as one token without knowing
 *                        it, while events held more tokens than one on average
 */
public record Sample(String series, int index, long sentNanos, long doneNanos, OptionalDouble ttftMs, double ttfbMs,
                     double e2eMs, int outputEvents, OptionalInt completionTokens, OptionalDouble decodeTokensPerSecond,
                     List<Double> itlMs, UsageCheck usage, String finishReason, double scheduleLagMs,
                     OptionalDouble answerMs, OptionalDouble reasoningMs, OptionalInt reasoningTokens,
                     List<Integer> tokensPerEvent, boolean decodeEstimate) {

    public Sample {
        itlMs = List.copyOf(itlMs);
        tokensPerEvent = List.copyOf(tokensPerEvent);
    }

    /** The figures of {@code completion}, which asked for {@code maxTokens} (0: no limit). */
    public static Sample of(String series, int index, Completion completion, int maxTokens, long scheduledNanos) {
        UsageCheck usage = UsageCheck.of(completion, maxTokens);
        OptionalInt tokens = completion.usage().map(u -> OptionalInt.of(u.completionTokens())).orElse(OptionalInt.empty());
        OptionalDouble decode = usage.ok() ? completion.decodeTokensPerSecond() : OptionalDouble.empty();
        List<Double> gaps = completion.interEventGapsNanos().stream().map(Sample::ms).toList();
        double lag = scheduledNanos == 0 ? 0 : Math.max(0, ms(completion.sentNanos() - scheduledNanos));
        return new Sample(series, index, completion.sentNanos(), completion.doneNanos(), ms(completion.ttftNanos()),
                ms(completion.ttfbNanos()), ms(completion.e2eNanos()), completion.outputEvents(), tokens, decode, gaps,
                usage, completion.finishReason(), lag, ms(completion.timeToFirstAnswerNanos()),
                ms(completion.reasoningNanos()), completion.reasoningTokens(),
                completion.tokensPerEvent().orElse(List.of()), decode.isPresent() && completion.decodeIsEstimate());
    }

    /** Whether the server put the cumulative token count in every event of this response. */
    public boolean countedEveryEvent() {
        return !tokensPerEvent.isEmpty();
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static OptionalDouble ms(java.util.OptionalLong nanos) {
        return nanos.isPresent() ? OptionalDouble.of(ms(nanos.getAsLong())) : OptionalDouble.empty();
    }
}
