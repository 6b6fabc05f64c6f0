package dev.modelgate.client;

/**
 * One SSE event of a streamed completion, with the {@link System#nanoTime()} at which it was
 * parsed off the wire.
 *
 * @param content       the content delta ({@code ""} when none)
 * @param reasoning     the reasoning delta, from {@code reasoning} or {@code reasoning_content}
 * @param toolCallParts how many tool-call entries the delta held
 * @param finishReason  the choice's finish reason, or {@code null}
 * @param usageOnly     whether this is the usage chunk ({@code "choices": []})
 */
public record StreamEvent(long arrivalNanos, String content, String reasoning, int toolCallParts,
                          String finishReason, boolean usageOnly) {

    /** Whether the event carries generated output: content, reasoning or tool calls (SPEC §4). */
    public boolean bearsOutput() {
        return !content.isEmpty() || !reasoning.isEmpty() || toolCallParts > 0;
    }
}
