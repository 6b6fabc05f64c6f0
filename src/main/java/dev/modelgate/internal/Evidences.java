package dev.modelgate.internal;

import dev.modelgate.Evidence;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.report.Report;
import dev.modelgate.verdict.CandidateResult;

/**
 * {@link Evidence} outside a qualification run, for tests and tools that call a requirement test
 * method themselves: it records and judges exactly as the evidence of a run does.
 */
public final class Evidences {

    private Evidences() {
    }

    /**
     * Evidence that writes figures and judgements into {@code result} (nothing is written to disk)
     * and notes and attachments into {@code report}. A must-have miss throws an
     * {@link AssertionError}; {@link Evidence#skip} aborts the calling test.
     */
    public static Evidence recording(Candidate candidate, RequirementSpec requirement, CandidateResult result,
                                     Report report) {
        return new RecordedEvidence(candidate, requirement, result, report, () -> { });
    }
}
