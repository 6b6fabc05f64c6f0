package dev.modelgate.sim;

/**
 * When the simulator meant to write the first and the last output event of one stream, and when
 * it started writing them ({@link System#nanoTime()}, taken just before the bytes go to the
 * socket, so no client can see an event before its write time); the same for the first event of
 * the answer (content or tool calls) after any reasoning.
 *
 * @param firstEventTokens  how many tokens the first output event held
 * @param answerDueNanos    when the first answer event was due; 0 when the stream had no answer
 * @param answerWrittenNanos when it was written; 0 when the stream had no answer
 */
public record StreamTiming(long receiptNanos, long firstDueNanos, long firstWrittenNanos, long lastDueNanos,
                           long lastWrittenNanos, int firstEventTokens, long answerDueNanos, long answerWrittenNanos) {

    /** How late the first output event went out, in milliseconds. */
    public double firstLateMs() {
        return (firstWrittenNanos - firstDueNanos) / 1e6;
    }

    /** How late the first answer event went out, in milliseconds. */
    public double answerLateMs() {
        return (answerWrittenNanos - answerDueNanos) / 1e6;
    }
}
