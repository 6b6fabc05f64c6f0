package dev.modelgate.internal;

import dev.modelgate.verdict.RequirementOutcome;
import dev.modelgate.verdict.Status;
import java.util.Optional;

/**
 * Writes how a requirement test ended into the result file: the test's own outcome (what a resumed
 * run replays) and the requirement's status, unless the test could not undo what is recorded.
 */
final class OutcomeRecorder {

    private OutcomeRecorder() {
    }

    /**
     * Records that test {@code method} of requirement {@code requirementId} ended with {@code status}.
     *
     * @param evidence the test's evidence, when it took one
     */
    static void record(ModelSession session, String method, String requirementId, Status status, Throwable cause,
                       RecordedEvidence evidence) {
        session.result().test(method, status, cause == null ? null : cause.getMessage());
        Optional<RequirementOutcome> previous = session.result().requirement(requirementId);
        boolean previousDecisive = previous.map(RequirementOutcome::decisive).orElse(false);
        if (!status.decisive() && previousDecisive) {
            session.persist();
            return; // a served figure that could not be measured does not undo a declared one
        }
        if (status == Status.PASSED && evidence != null && !evidence.judged() && previous.isPresent()
                && previous.get().status() != null) {
            session.persist();
            return; // a test that only recorded figures leaves the requirement's judgement as it was
        }
        String message = cause != null ? cause.getMessage() : null;
        boolean broken = cause != null && !(cause instanceof AssertionError);
        session.result().requirement(requirementId, RequirementOutcome.ended(status, method, message,
                broken ? cause.getClass().getSimpleName() : null,
                broken ? FaultKind.of(cause).map(FaultKind::key).orElse(null) : null));
        session.persist();
    }
}
