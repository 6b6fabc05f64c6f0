package dev.modelgate.measure;

import java.util.OptionalDouble;

/**
 * One request of a load run, measured from when it was due, not only from when it went out: a
 * client that sends late would otherwise hide the wait from its figures.
 *
 * @param scheduledNanos when the request was due ({@link System#nanoTime()})
 * @param sample         its figures from the actual send; {@code sample.scheduleLagMs()} is the send lag
 */
public record LoadSample(long scheduledNanos, Sample sample) {

    /** Actual send − scheduled send, in milliseconds. */
    public double sendLagMs() {
        return sample.scheduleLagMs();
    }

    /** Scheduled send → first output-bearing event. */
    public OptionalDouble ttftFromScheduleMs() {
        OptionalDouble ttft = sample.ttftMs();
        return ttft.isPresent() ? OptionalDouble.of(ttft.getAsDouble() + sendLagMs()) : OptionalDouble.empty();
    }

    /** Scheduled send → first event with content or tool calls (reasoning excluded). */
    public OptionalDouble answerFromScheduleMs() {
        OptionalDouble answer = sample.answerMs();
        return answer.isPresent() ? OptionalDouble.of(answer.getAsDouble() + sendLagMs()) : OptionalDouble.empty();
    }

    /** Scheduled send → {@code [DONE]}. */
    public double e2eFromScheduleMs() {
        return sample.e2eMs() + sendLagMs();
    }
}
