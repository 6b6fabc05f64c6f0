package dev.modelgate.measure;

import dev.modelgate.Evidence;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Evidence} that keeps what a test recorded, for tests of the performance requirement
 * tests outside the qualification extension. It judges as the interface documents: a must-have
 * miss throws an {@link AssertionError}.
 */
final class RecordingEvidence implements Evidence {

    final Map<String, Object> metrics = new LinkedHashMap<>();
    final Map<String, Object> attachments = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, Double> judged = new LinkedHashMap<>();
    private final Candidate candidate;
    private final RequirementSpec requirement;

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
        judged.put(label, value);
        requirement.must().filter(Threshold.Comparison.class::isInstance).map(Threshold.Comparison.class::cast)
                .filter(c -> !c.test(value)).ifPresent(c -> {
                    throw new AssertionError(label + " " + value + " " + c.missSymbol() + " " + c.bound() + " "
                            + requirement.unit() + " (must-have)");
                });
    }

    @Override
    public void judgeMember(String label, String value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void judgeRule(String label, String value, Boolean mustMet, Boolean niceMet) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void attach(String name, String mediaType, String extension, String content) {
        attachments.put(name, content);
    }

    @Override
    public void attach(String name, String mediaType, String extension, byte[] content) {
        attachments.put(name, content);
    }

    @Override
    public void note(String text) {
        notes.add(text);
    }

    @Override
    public void skip(String reason) {
        throw new UnsupportedOperationException();
    }
}
