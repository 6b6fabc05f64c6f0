package dev.modelgate.internal;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Settings;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code modelgate.parallel=N}: candidates served on other machines are qualified N at a time.
 * JUnit runs the suite's candidates (class-template invocations) concurrently only when its
 * parallel execution is on ({@code junit.jupiter.execution.parallel.enabled=true}; the {@code parallel}
 * Maven profile turns it on whenever {@code -Dmodelgate.parallel} is given); within a candidate the
 * requirement tests stay in order on one thread ({@link dev.modelgate.Requirement} says so).
 */
final class ParallelRuns {

    static final String JUNIT_PARALLEL = "junit.jupiter.execution.parallel.enabled";

    private ParallelRuns() {
    }

    static CandidateSlots slots(Settings settings, ExtensionContext context, List<Candidate> candidates) {
        String value = settings.get(CandidateSlots.PARALLEL).orElse("1").trim();
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) {
            throw new IllegalArgumentException("Configuration error: " + CandidateSlots.PARALLEL + "=" + value
                    + " is not a whole number ≥ 1; give how many candidates to qualify at once, e.g. -D"
                    + CandidateSlots.PARALLEL + "=4");
        }
        if (n > 1) {
            boolean junitParallel = context.getConfigurationParameter(JUNIT_PARALLEL).map(Boolean::parseBoolean)
                    .orElse(false);
            long local = candidates.stream().filter(CandidateSlots::local).count();
            System.out.println("[modelgate] " + CandidateSlots.PARALLEL + "=" + n + ": "
                    + (junitParallel ? "up to " + n + " candidates at once" : "JUnit's parallel execution is off ("
                    + JUNIT_PARALLEL + "), so candidates run one after another; run through Maven or set it")
                    + (local > 0 ? "; " + local + " candidate(s) start a server on this machine and run alone" : ""));
        }
        return new CandidateSlots(n);
    }
}
