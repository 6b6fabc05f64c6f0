package dev.modelgate.sim;

/**
 * When the simulator meant to write the first and the last output event of one stream, and when
 * it started writing them ({@link System#nanoTime()}, taken just before the bytes go to the
 * socket, so no client can see an event before its write time); the same for the first event of
 * the answer (content or tool calls) after any reasoning.
 *
 * @param receiptNanos      when its generation began (after any queueing the script's capacity adds)
 * @param firstEventTokens  how many tokens the first output event held
 * @param answerDueNanos    when the first answer event was due; 0 when the stream had no answer
 * @param answerWrittenNanos when it was written; 0 when the stream had no answer
 * @param arrivedNanos      when the request's headers had been read and its handler began, before
 *                          the body was parsed (the simulator's side of the send)
 * @param promptStart       the start of its first message (up to 100 characters), to match it to a client's request
 */
public record StreamTiming(long receiptNanos, long firstDueNanos, long firstWrittenNanos, long lastDueNanos,
                           long lastWrittenNanos, int firstEventTokens, long answerDueNanos, long answerWrittenNanos,
                           long arrivedNanos, String promptStart) {

    /** How late the first output event went out, in milliseconds. */
    public double firstLateMs() {
        return (firstWrittenNanos - firstDueNanos) / 1e6;
    }

    /** How long the simulator took from the request's arrival to the start of its generation, in milliseconds. */
    public double admissionMs() {
        return (receiptNanos - arrivedNanos) / 1e6;
    }

    /** How late the first answer event went out, in milliseconds. */
    public double answerLateMs() {
        return (answerWrittenNanos - answerDueNanos) / 1e6;
    }
}
