package dev.modelgate.internal;

import dev.modelgate.catalog.Settings;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.verdict.BootFailureRecord;
import dev.modelgate.verdict.CandidateResult;
import dev.modelgate.verdict.InterruptionRecord;
import dev.modelgate.verdict.RequirementOutcome;
import dev.modelgate.verdict.ResultStore;
import dev.modelgate.verdict.Status;
import java.time.Instant;

/**
 * A candidate's result and the store it is written to: every change is written at once
 * (atomically), so nothing recorded is lost if the run dies later. Thread-safe.
 */
final class ResultLedger {

    private final CandidateResult result;
    private final ResultStore store;
    private final Object writes = new Object();

    ResultLedger(CandidateResult result, ResultStore store) {
        this.result = result;
        this.store = store;
    }

    CandidateResult result() {
        return result;
    }

    void persist() {
        synchronized (writes) {
            store.write(result);
        }
    }

    /** Counts one fault of {@code kind}. */
    void fault(FaultKind kind) {
        result.fault(kind.key());
        persist();
    }

    /** Counts the boot failure and records why. */
    void bootFailed(BootFailure e) {
        result.fault(FaultKind.BOOT_FAILURES.key());
        result.bootFailure(new BootFailureRecord(e.kind().name(), e.getMessage(),
                e.exitCode().isPresent() ? e.exitCode().getAsInt() : null, e.log().map(Object::toString).orElse(null)));
        persist();
    }

    /**
     * The JVM is stopping: the result says so, the requirement of the test that was running (if
     * any) is broken by it, and the file stays incomplete.
     */
    void interrupted(String test, String requirement) {
        result.interrupted(new InterruptionRecord(Instant.now().toString(), test,
                "the JVM was told to stop (Ctrl-C, SIGINT or SIGTERM) before this candidate was done"));
        if (requirement != null) {
            result.requirement(requirement, RequirementOutcome.ended(Status.BROKEN, test,
                    "interrupted: the run was stopped while this test ran; nothing was concluded. Run again; -D"
                            + Settings.RESUME + "=true keeps what was decided before", "Interrupted", null));
        }
        result.complete(false);
        persist();
    }

    /** Marks the result complete. */
    void complete() {
        result.complete(true);
        persist();
    }
}
