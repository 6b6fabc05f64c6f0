package dev.modelgate.qualification;

import dev.modelgate.Evidence;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Numbers;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * An {@link Evidence} for tests of requirement tests: judges against the requirement's thresholds,
 * fails a must-have miss with an {@link AssertionError}, skips with {@link TestAbortedException}, and
 * records everything it was told so a test can assert on it.
 */
final class RecordingEvidence implements Evidence {

    /** One judgement as the requirement test made it, with the level it reached. */
    record Judgement(String label, String value, Boolean mustMet, Boolean niceMet, String level) {
    }

    private final Candidate candidate;
    private final RequirementSpec requirement;
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Judgement> judgements = new ArrayList<>();
    private String skipped;

    RecordingEvidence(Candidate candidate, RequirementSpec requirement) {
        this.candidate = candidate;
        this.requirement = requirement;
    }

    @Override
    public Candidate candidate() {
        return candidate;
    }

    @Override
    public RequirementSpec requirement() {
        return requirement;
    }

    @Override
    public void metric(String name, Object value) {
        metrics.put(name, value);
    }

    @Override
    public void judge(String label, double value) {
        Boolean must = requirement.must().map(t -> ((Threshold.Comparison) t).test(value)).orElse(null);
        Boolean nice = requirement.nice().map(t -> ((Threshold.Comparison) t).test(value)).orElse(null);
        record(label, Numbers.format(value) + unit(), must, nice);
    }

    @Override
    public void judgeMember(String label, String value) {
        Boolean must = requirement.must().map(t -> ((Threshold.OneOf) t).test(value)).orElse(null);
        Boolean nice = requirement.nice().map(t -> ((Threshold.OneOf) t).test(value)).orElse(null);
        if (Boolean.FALSE.equals(must)) {
            judgements.add(new Judgement(label, value, false, nice, "none"));
            throw new AssertionError(label + " " + value + " is not "
                    + requirement.must().get().describe(requirement.unit()) + " (must-have)");
        }
        record(label, value, must, nice);
    }

    @Override
    public void judgeRule(String label, String value, Boolean mustMet, Boolean niceMet) {
        record(label, value, mustMet, niceMet);
    }

    private void record(String label, String value, Boolean must, Boolean nice) {
        String level = Boolean.FALSE.equals(must) ? "none" : Boolean.TRUE.equals(nice) ? "nice" : "must";
        judgements.add(new Judgement(label, value, must, nice, level));
        if (Boolean.FALSE.equals(must)) {
            throw new AssertionError(label + " " + value + " misses "
                    + requirement.must().get().describe(requirement.unit()) + " (must-have)");
        }
    }

    private String unit() {
        return requirement.unit() == null ? "" : " " + requirement.unit();
    }

    @Override
    public void attach(String name, String mediaType, String extension, String content) {
        notes.add("attachment " + name);
    }

    @Override
    public void attach(String name, String mediaType, String extension, byte[] content) {
        notes.add("attachment " + name);
    }

    @Override
    public void note(String text) {
        notes.add(text);
    }

    @Override
    public void skip(String reason) {
        skipped = reason;
        throw new TestAbortedException(reason);
    }

    List<Judgement> judgements() {
        return List.copyOf(judgements);
    }

    /** The single judgement the test made. */
    Judgement judgement() {
        if (judgements.size() != 1) {
            throw new AssertionError("expected one judgement, got " + judgements);
        }
        return judgements.get(0);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    Optional<String> skipped() {
        return Optional.ofNullable(skipped);
    }

    Map<String, Object> metrics() {
        return Map.copyOf(metrics);
    }
}
