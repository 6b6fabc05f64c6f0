package dev.modelgate.testing;

import dev.modelgate.verdict.ResultFiles;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.Evidence;
import dev.modelgate.catalog.BuiltInCatalogue;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.internal.Evidences;
import dev.modelgate.report.Report;
import dev.modelgate.verdict.CandidateResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Evidence} of a qualification run, for tests that call a requirement test method
 * themselves: figures and judgements go into a {@link CandidateResult} of its own and are judged
 * by the real judging (a must-have miss throws an {@link AssertionError}, {@link #skip} aborts),
 * and everything the method handed over can be asserted on.
 */
public final class RecordingEvidence implements Evidence {

    /** One judgement: the label and value the test judged, and the level the judging gave it. */
    public record Judgement(String label, Object value, String level) {
    }

    private final Evidence recorded;
    private final RequirementSpec requirement;
    private final CandidateResult result;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> attachments = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Judgement> judgements = Collections.synchronizedList(new ArrayList<>());

    public RecordingEvidence(Candidate candidate, RequirementSpec requirement) {
        this.requirement = requirement;
        this.result = CandidateResult.start(candidate, "test");
        this.recorded = Evidences.recording(candidate, requirement, result, new AttachmentsOnly());
    }

    /** Evidence for {@code requirementId} of the built-in {@code requirements.yaml}. */
    public static RecordingEvidence of(Candidate candidate, String requirementId) {
        return new RecordingEvidence(candidate, BuiltInCatalogue.get().requirements().require(requirementId));
    }

    @Override
    public Candidate candidate() {
        return recorded.candidate();
    }

    @Override
    public RequirementSpec requirement() {
        return requirement;
    }

    @Override
    public void metric(String name, Object value) {
        recorded.metric(name, value);
    }

    @Override
    public void caseOutcomes(Object outcomes) {
        recorded.caseOutcomes(outcomes);
    }

    @Override
    public void judge(String label, double value) {
        judging(label, value, () -> recorded.judge(label, value));
    }

    @Override
    public void judgeMember(String label, String value) {
        judging(label, value, () -> recorded.judgeMember(label, value));
    }

    @Override
    public void judgeRule(String label, String value, Boolean mustMet, Boolean niceMet) {
        judging(label, value, () -> recorded.judgeRule(label, value, mustMet, niceMet));
    }

    /** Runs a judgement and keeps it with the level it reached, also when it failed the test. */
    private void judging(String label, Object value, Runnable judgement) {
        try {
            judgement.run();
        } catch (AssertionError missed) {
            keep(label, value);
            throw missed;
        }
        keep(label, value);
    }

    private void keep(String label, Object value) {
        judgements.add(new Judgement(label, value, result.requirement(requirement.id()).map(r -> r.level() == null ? "" : r.level().json()).orElse("")));
    }

    @Override
    public void attach(String name, String mediaType, String extension, String content) {
        recorded.attach(name, mediaType, extension, content);
    }

    @Override
    public void attach(String name, String mediaType, String extension, byte[] content) {
        recorded.attach(name, mediaType, extension, content);
    }

    @Override
    public void note(String text) {
        notes.add(text);
        recorded.note(text);
    }

    @Override
    public void skip(String reason) {
        recorded.skip(reason);
    }

    /** The figures as the result file holds them ({@code metrics}). */
    public JsonNode metrics() {
        return result.snapshot().path("metrics");
    }

    /** One figure that is an object, read back from the result file as plain Java values. */
    public Map<String, Object> metric(String name) {
        return ResultFiles.JSON.convertValue(result.metric(name), new TypeReference<>() { });
    }

    /** The per-case outcomes as the result file holds them ({@code cases.<requirement id>}). */
    public JsonNode caseOutcomes() {
        return result.snapshot().path("cases").path(requirement.id());
    }

    /** The texts of {@link #note}, in order (judgements are not among them). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Attachments by name; bytes are read as UTF-8 text (every chart is SVG). */
    public Map<String, String> attachments() {
        synchronized (attachments) {
            return Map.copyOf(attachments);
        }
    }

    public List<Judgement> judgements() {
        return List.copyOf(judgements);
    }

    /** The single judgement the test made. */
    public Judgement judgement() {
        List<Judgement> made = judgements();
        if (made.size() != 1) {
            throw new AssertionError("expected one judgement, got " + made);
        }
        return made.get(0);
    }

    /** The report as these tests see it: attachments are kept, steps are left to {@link #notes()}. */
    private final class AttachmentsOnly implements Report {

        @Override
        public void attach(String name, String mediaType, String extension, String content) {
            attachments.put(name, content);
        }

        @Override
        public void attach(String name, String mediaType, String extension, byte[] content) {
            attachments.put(name, new String(content, StandardCharsets.UTF_8));
        }

        @Override
        public void step(String name) {
        }

        @Override
        public void failedStep(String name) {
        }

        @Override
        public void place(Map<String, String> labels, Map<String, String> parameters, String stableKey) {
        }
    }
}
