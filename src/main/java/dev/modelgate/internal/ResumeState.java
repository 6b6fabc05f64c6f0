package dev.modelgate.internal;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Settings;
import dev.modelgate.verdict.CandidateResult;
import dev.modelgate.verdict.TestOutcome;
import java.util.Optional;

/**
 * What a run under {@code modelgate.resume=true} takes over from an earlier one: the earlier result
 * with the same configuration hash (complete or not: what it decided was written when it was
 * decided), and per test method the outcome to replay instead of running the test again.
 */
final class ResumeState {

    private final Optional<CandidateResult> previous;

    private ResumeState(Optional<CandidateResult> previous) {
        this.previous = previous;
    }

    /** Nothing to resume. */
    static ResumeState none() {
        return new ResumeState(Optional.empty());
    }

    /** The stored result of {@code candidate} when it carries {@code hash}; none otherwise. */
    static ResumeState find(Candidate candidate, RunPlan plan, String hash) {
        return new ResumeState(plan.store().read(candidate.id()).filter(r -> hash.equals(r.configHash())));
    }

    /** Whether {@code modelgate.resume=true} is set. */
    static boolean wanted(RunPlan plan) {
        return plan.settings().getBoolean(Settings.RESUME);
    }

    Optional<CandidateResult> previous() {
        return previous;
    }

    /** Carries the earlier result's figures and outcomes into {@code result}, and says so on the console. */
    void carryInto(CandidateResult result, String candidateId) {
        previous.ifPresent(p -> {
            result.resumeFrom(p);
            System.out.println("[modelgate] " + candidateId + ": resuming; results of the "
                    + (p.isComplete() ? "" : "unfinished ") + "run started " + p.startedAt()
                    + " are reused where they passed or failed");
        });
    }

    /** The earlier outcome of test {@code method}, when it passed or failed (those are replayed). */
    Optional<TestOutcome> replayed(String method) {
        return previous.flatMap(r -> r.test(method)).filter(t -> t.status() != null && t.status().decisive());
    }

    /** When the earlier run started ({@code ?} when there is none). */
    String startedAt() {
        return previous.map(CandidateResult::startedAt).orElse("?");
    }
}
