package dev.modelgate.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcomes of one suite's cases, in case order; with {@code repeats} runs per case the runs of
 * a case follow each other. The accuracy is the passed runs over all runs (the mean pass share of
 * the cases); its interval counts the cases, not the runs, since runs of one case are not
 * independent trials.
 */
public record SuiteOutcome(List<CaseOutcome> outcomes, int repeats) {

    public SuiteOutcome {
        outcomes = List.copyOf(outcomes);
        if (repeats < 1 || outcomes.size() % repeats != 0) {
            throw new IllegalArgumentException(outcomes.size() + " outcomes are not " + repeats + " runs per case");
        }
    }

    /** One run per case. */
    public SuiteOutcome(List<CaseOutcome> outcomes) {
        this(outcomes, 1);
    }

    /** The number of cases (not runs). */
    public int cases() {
        return outcomes.size() / repeats;
    }

    /** Passed runs of all runs; a case without an answer counts as not passed. */
    public Proportion accuracy() {
        return new Proportion((int) outcomes.stream().filter(CaseOutcome::passed).count(), outcomes.size());
    }

    /** The 95 % Wilson interval of the accuracy over {@link #cases()} cases. */
    public Proportion.Interval interval() {
        return Proportion.wilson(accuracy().value(), cases(), Proportion.Z95);
    }

    /** Cases passed in every run, of all cases. */
    public Proportion consistency() {
        return new Proportion((int) byCase().values().stream().filter(runs -> runs.stream()
                .allMatch(CaseOutcome::passed)).count(), cases());
    }

    /** The runs of each case, by case id in case order. */
    public Map<String, List<CaseOutcome>> byCase() {
        Map<String, List<CaseOutcome>> out = new LinkedHashMap<>();
        for (CaseOutcome o : outcomes) {
            out.computeIfAbsent(o.caseId(), id -> new ArrayList<>()).add(o);
        }
        return out;
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
    public Optional<RuntimeException> firstError() {
        return outcomes.stream().flatMap(o -> o.error().stream()).findFirst();
    }
}
