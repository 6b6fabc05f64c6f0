package dev.modelgate.sim;

/**
 * When the simulator meant to write the first and the last output event of one stream, and when
 * it started writing them ({@link System#nanoTime()}, taken just before the bytes go to the
 * socket, so no client can see an event before its write time).
 */
public record StreamTiming(long receiptNanos, long firstDueNanos, long firstWrittenNanos, long lastDueNanos,
                           long lastWrittenNanos) {

    /** How late the first output event went out, in milliseconds. */
    public double firstLateMs() {
        return (firstWrittenNanos - firstDueNanos) / 1e6;
    }
}
