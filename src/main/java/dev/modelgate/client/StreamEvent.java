package dev.modelgate.client;

/**
 * One SSE event of a streamed completion, with the {@link System#nanoTime()} at which it was
 * parsed off the wire.
 *
 * @param content          the content delta ({@code ""} when none)
 * @param reasoning        the reasoning delta, from {@code reasoning} or {@code reasoning_content}
 * @param toolCallParts    how many tool-call entries the delta held
 * @param finishReason     the choice's finish reason, or {@code null}
 * @param usageOnly        whether this is the usage chunk ({@code "choices": []})
 * @param cumulativeTokens the completion tokens generated so far, this event's included, when the
 *                         chunk carried usage (vLLM with {@code stream_options.continuous_usage_stats});
 *                         {@link #UNKNOWN} otherwise
 */
public record StreamEvent(long arrivalNanos, String content, String reasoning, int toolCallParts,
                          String finishReason, boolean usageOnly, int cumulativeTokens) {

    /** {@link #cumulativeTokens()} when the chunk carried no usage. */
    public static final int UNKNOWN = -1;

    public StreamEvent(long arrivalNanos, String content, String reasoning, int toolCallParts, String finishReason,
                       boolean usageOnly) {
        this(arrivalNanos, content, reasoning, toolCallParts, finishReason, usageOnly, UNKNOWN);
    }

    /** Whether the event carries generated output: content, reasoning or tool calls. */
    public boolean bearsOutput() {
        return !content.isEmpty() || !reasoning.isEmpty() || toolCallParts > 0;
    }

    /** Whether the event carries part of the answer: content or tool calls (reasoning is not the answer). */
    public boolean bearsAnswer() {
        return !content.isEmpty() || toolCallParts > 0;
    }

    /** Whether the event carries reasoning and nothing of the answer. */
    public boolean reasoningOnly() {
        return !reasoning.isEmpty() && !bearsAnswer();
    }

    public boolean countsTokens() {
        return cumulativeTokens != UNKNOWN;
    }
}
