package dev.modelgate.measure;

import dev.modelgate.sim.StreamTiming;
import dev.modelgate.sim.VllmSimulator;
import java.util.List;

/**
 * The ground truth of one measured request, from the simulator's own log on the same clock:
 * when the request reached the simulator, and when the simulator really started writing its
 * first, first-answer and last output events. On a busy machine a thread can wake milliseconds
 * late; the truth is what the simulator did, so the harness is judged on reading that, not on the
 * machine's luck.
 *
 * @param ttftMs      request written by the client → first output event written by the simulator
 * @param decode      tokens after the first event over (last write − first write)
 * @param delayMs     what the environment added to the injected TTFT: request transfer and dispatch,
 *                    plus the simulator's lateness on the first event
 * @param lateMs      how late the simulator wrote the first output event: this machine's scheduling
 *                    delay at that moment, which the client's read of it suffers as well
 * @param scheduledTtftMs  receipt → when the first output event was due
 * @param scheduledDecode  tokens after the first event over (last due − first due): the pace the script set
 * @param answerDelayMs    request transfer and dispatch, plus the simulator's lateness on the first answer event
 * @param answerLateMs     how late the simulator wrote the first answer event
 * @param scheduledAnswerMs receipt → when the first answer event was due
 */
record SimulatorTruth(double ttftMs, double decode, double delayMs, double lateMs, double scheduledTtftMs,
                      double scheduledDecode, double answerDelayMs, double answerLateMs, double scheduledAnswerMs) {

    /** The truth of {@code sample}: the simulator stream that was received while the sample was in flight. */
    static SimulatorTruth of(Sample sample, VllmSimulator sim) {
        List<StreamTiming> matches = sim.streamTimings().stream()
                .filter(t -> t.receiptNanos() >= sample.sentNanos() && t.receiptNanos() <= sample.doneNanos())
                .toList();
        if (matches.size() != 1) {
            throw new IllegalStateException("expected one simulator stream inside sample " + sample.series() + "/"
                    + sample.index() + ", found " + matches.size() + " (truth needs one request at a time)");
        }
        StreamTiming t = matches.get(0);
        double ttft = (t.firstWrittenNanos() - sample.sentNanos()) / 1e6;
        int after = sample.completionTokens().orElseThrow() - t.firstEventTokens();
        double decode = after / ((t.lastWrittenNanos() - t.firstWrittenNanos()) / 1e9);
        double transfer = (t.receiptNanos() - sample.sentNanos()) / 1e6;
        double scheduledTtft = (t.firstDueNanos() - t.receiptNanos()) / 1e6;
        double scheduledDecode = after / ((t.lastDueNanos() - t.firstDueNanos()) / 1e9);
        return new SimulatorTruth(ttft, decode, transfer + t.firstLateMs(), t.firstLateMs(), scheduledTtft,
                scheduledDecode, transfer + t.answerLateMs(), t.answerLateMs(),
                (t.answerDueNanos() - t.receiptNanos()) / 1e6);
    }
}
