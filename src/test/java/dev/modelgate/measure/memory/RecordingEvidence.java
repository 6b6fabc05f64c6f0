package dev.modelgate.measure.memory;

import dev.modelgate.Evidence;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link Evidence} that keeps what a test records, and judges as the interface documents it:
 * a must-have miss throws an {@link AssertionError} naming the figure, the threshold and
 * "(must-have)". Stands in for the extension's implementation until the suite is wired.
 */
public final class RecordingEvidence implements Evidence {

    private final Candidate candidate;
    private final RequirementSpec requirement;
    public final Map<String, Object> metrics = new LinkedHashMap<>();
    public final Map<String, String> attachments = new LinkedHashMap<>();
    public final List<String> notes = new ArrayList<>();
    public String judgedLabel;
    public Object judgedValue;
    public String level;

    public RecordingEvidence(Candidate candidate, RequirementSpec requirement) {
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

    @SuppressWarnings("unchecked")
    public Map<String, Object> metric(String name) {
        return (Map<String, Object>) metrics.get(name);
    }

    @Override
    public void judge(String label, double value) {
        judgedLabel = label;
        judgedValue = value;
        boolean must = requirement.must().map(t -> ((Threshold.Comparison) t).test(value)).orElse(true);
        Optional<Boolean> nice = requirement.nice().map(t -> ((Threshold.Comparison) t).test(value));
        level = !must ? "none" : nice.orElse(false) ? "nice" : "must";
        if (!must) {
            throw new AssertionError(requirement.title() + ": " + label + " " + value + " "
                    + ((Threshold.Comparison) requirement.must().get()).missSymbol() + " "
                    + requirement.must().get().describe(requirement.unit()) + " (must-have)");
        }
    }

    @Override
    public void judgeMember(String label, String value) {
        throw new UnsupportedOperationException("not used by the memory requirement");
    }

    @Override
    public void judgeRule(String label, String value, Boolean mustMet, Boolean niceMet) {
        judgedLabel = label;
        judgedValue = value;
        level = Boolean.FALSE.equals(mustMet) ? "none" : Boolean.TRUE.equals(niceMet) ? "nice" : "must";
        if (Boolean.FALSE.equals(mustMet)) {
            throw new AssertionError(requirement.title() + ": " + label + ": " + value + " (must-have)");
        }
    }

    @Override
    public void attach(String name, String mediaType, String extension, String content) {
        attachments.put(name, content);
    }

    @Override
    public void attach(String name, String mediaType, String extension, byte[] content) {
        attachments.put(name, new String(content, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void note(String text) {
        notes.add(text);
    }

    @Override
    public void skip(String reason) {
        throw new org.opentest4j.TestAbortedException(reason);
    }
}
