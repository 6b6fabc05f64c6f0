package dev.modelgate.cases;

import java.util.List;

/** The outcomes of one suite's cases, in case order, and the accuracy they make. */
public record SuiteOutcome(List<CaseOutcome> outcomes) {

    public SuiteOutcome {
        outcomes = List.copyOf(outcomes);
    }

    /** Passed cases of all cases; a case without an answer counts as not passed. */
    public Proportion accuracy() {
        return new Proportion((int) outcomes.stream().filter(CaseOutcome::passed).count(), outcomes.size());
    }

    public int count(CaseOutcome.Status status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Whether no case got an answer (every one ended in an error). */
    public boolean noAnswers() {
        return !outcomes.isEmpty() && count(CaseOutcome.Status.ERROR) == outcomes.size();
    }

    /** Whether the server refused (HTTP 4xx) every case. */
    public boolean allRefused() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(CaseOutcome::refused);
    }

    /** The first error, when some case got no answer. */
    public java.util.Optional<RuntimeException> firstError() {
        return outcomes.stream().flatMap(o -> o.error().stream()).findFirst();
    }
}
