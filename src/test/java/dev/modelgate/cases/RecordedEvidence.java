package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.Evidence;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.ResourceDirs;
import dev.modelgate.catalog.Threshold;
import dev.modelgate.catalog.YamlDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * Records what a requirement test hands to {@link Evidence}, judging against the built-in
 * {@code requirements.yaml} as the interface documents (a must-have miss throws). A stand-in
 * until these tests run through the qualification extension.
 */
public final class RecordedEvidence implements Evidence {

    /** One judgement: the label, the value, and the level reached ({@code nice}, {@code must}, {@code none}). */
    public record Judgement(String label, Object value, String level) {
    }

    private final Candidate candidate;
    private final RequirementSpec requirement;
    private final ObjectNode metrics = YamlDocuments.JSON.createObjectNode();
    private final List<String> notes = new ArrayList<>();
    private final List<Judgement> judgements = new ArrayList<>();
    private final Map<String, String> attachments = new LinkedHashMap<>();

    private RecordedEvidence(Candidate candidate, RequirementSpec requirement) {
        this.candidate = candidate;
        this.requirement = requirement;
    }

    public static RecordedEvidence of(Candidate candidate, String requirementId) {
        Problems problems = new Problems();
        Requirements table = CatalogLoader.loadRequirements(ResourceDirs.find("requirements.yaml").orElseThrow(),
                problems);
        problems.throwIfAny();
        return new RecordedEvidence(candidate, table.require(requirementId));
    }

    public JsonNode metrics() {
        return metrics;
    }

    public List<String> notes() {
        return notes;
    }

    public List<Judgement> judgements() {
        return judgements;
    }

    @Override
    public Candidate candidate() {
        return candidate;
    }

    @Override
    public RequirementSpec requirement() {
        return requirement;
    }

    /** Objects are merged into what is there, so that two tests can fill {@code kannada}. */
    @Override
    public void metric(String name, Object value) {
        JsonNode tree = YamlDocuments.JSON.valueToTree(value);
        if (metrics.get(name) instanceof ObjectNode existing && tree.isObject()) {
            existing.setAll((ObjectNode) tree);
        } else {
            metrics.set(name, tree);
        }
    }

    @Override
    public void judge(String label, double value) {
        Boolean must = requirement.must().map(t -> ((Threshold.Comparison) t).test(value)).orElse(null);
        Boolean nice = requirement.nice().map(t -> ((Threshold.Comparison) t).test(value)).orElse(null);
        record(label, value, must, nice);
    }

    @Override
    public void judgeMember(String label, String value) {
        throw new UnsupportedOperationException("not used by the quality requirements");
    }

    @Override
    public void judgeRule(String label, String value, Boolean mustMet, Boolean niceMet) {
        record(label, value, mustMet, niceMet);
    }

    private void record(String label, Object value, Boolean must, Boolean nice) {
        boolean mustOk = must == null || must;
        String level = !mustOk ? "none" : Boolean.TRUE.equals(nice) ? "nice" : must == null ? "none" : "must";
        judgements.add(new Judgement(label, value, level));
        if (!mustOk) {
            throw new AssertionError(label + " " + value + " misses " + requirement.must().orElseThrow()
                    .describe(requirement.unit()) + " (must-have)");
        }
    }

    @Override
    public void attach(String name, String mediaType, String extension, String content) {
        attachments.put(name, content);
    }

    @Override
    public void attach(String name, String mediaType, String extension, byte[] content) {
        attachments.put(name, "(" + content.length + " bytes)");
    }

    @Override
    public void note(String text) {
        notes.add(text);
    }

    @Override
    public void skip(String reason) {
        throw new TestAbortedException(reason);
    }
}
