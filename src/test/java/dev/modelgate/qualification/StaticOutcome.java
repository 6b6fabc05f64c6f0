package dev.modelgate.qualification;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.testing.RecordingEvidence;
import java.util.function.BiConsumer;
import org.opentest4j.TestAbortedException;

/** Runs one static requirement test method outside JUnit and reports how it ended. */
record StaticOutcome(String status, String message, RecordingEvidence evidence) {

    static final StaticRequirementTests TESTS = new StaticRequirementsFixture();

    static StaticOutcome run(Candidate candidate, Requirements requirements, String requirementId,
                             BiConsumer<Candidate, RecordingEvidence> test) {
        RecordingEvidence evidence = new RecordingEvidence(candidate, requirements.require(requirementId));
        try {
            test.accept(candidate, evidence);
            return new StaticOutcome("passed", null, evidence);
        } catch (AssertionError e) {
            return new StaticOutcome("failed", e.getMessage(), evidence);
        } catch (TestAbortedException e) {
            return new StaticOutcome("skipped", e.getMessage(), evidence);
        } catch (RuntimeException e) {
            return new StaticOutcome("broken", e.getMessage(), evidence);
        }
    }

    static StaticOutcome licence(Candidate c, Requirements r) {
        return run(c, r, "licence", TESTS::licence);
    }

    static StaticOutcome quantization(Candidate c, Requirements r) {
        return run(c, r, "quantization", TESTS::quantization);
    }

    static StaticOutcome architecture(Candidate c, Requirements r) {
        return run(c, r, "architecture", TESTS::architecture);
    }

    static StaticOutcome context(Candidate c, Requirements r) {
        return run(c, r, "context", TESTS::context);
    }

    static StaticOutcome weights(Candidate c, Requirements r) {
        return run(c, r, "vram", TESTS::weights);
    }

    /** The level the judgement reached: {@code nice}, {@code must} or {@code none}. */
    String level() {
        return evidence.judgement().level();
    }
}
