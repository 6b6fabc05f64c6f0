package dev.modelgate.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A candidate's result file ({@code target/modelgate/<id>.json}) as read back: what the verdict,
 * the merge step and the report take from it. Read with {@link ResultFiles}; fields this release
 * does not know are ignored, and an absent field reads as {@code null} or empty.
 *
 * @param facts        the candidate's declared facts, as written from its candidate file
 * @param stability    the declared stability rating and its evidence
 * @param declared     the candidate's {@code declared:} block, if it has one
 * @param faults       faults counted in the run, by kind ({@code bootFailures}, {@code serverErrors}, …);
 *                     {@code null} in a file without a {@code faults} block
 * @param metrics      figures by metric name ({@link dev.modelgate.catalog.MetricNames}); free-form objects
 * @param cases        per-case outcomes by requirement id (case set fingerprint, outcome per case)
 * @param configParts  what the configuration hash was computed over, by part
 * @param score        the score the verdict wrote back, if it ran
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultFile(String id, String name, boolean baseline, boolean adHoc, String configHash, String startedAt,
                         String finishedAt, String resumedFrom, boolean complete, JsonNode facts, JsonNode stability,
                         JsonNode declared, EngineRecord engine, Double bootSeconds, Map<String, Integer> faults,
                         Map<String, JsonNode> metrics, Map<String, RequirementOutcome> requirements,
                         Map<String, TestOutcome> tests, Map<String, JsonNode> cases, BootFailureRecord bootFailure,
                         InterruptionRecord interrupted, JsonNode configParts, JsonNode requestFields,
                         JsonNode score) {

    public ResultFile {
        faults = faults == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(faults));
        metrics = copy(metrics);
        requirements = copy(requirements);
        tests = copy(tests);
        cases = copy(cases);
        facts = orMissing(facts);
        stability = orMissing(stability);
        declared = orMissing(declared);
        configParts = orMissing(configParts);
        requestFields = orMissing(requestFields);
        score = orMissing(score);
    }

    /** The name shown for the candidate: its display name, else its id. */
    public String displayName() {
        return name == null ? id : name;
    }

    public Optional<RequirementOutcome> requirement(String requirementId) {
        return Optional.ofNullable(requirements.get(requirementId));
    }

    public Optional<TestOutcome> test(String method) {
        return Optional.ofNullable(tests.get(method));
    }

    /**
     * The metric at {@code path} (names joined by dots, e.g. {@code kannada.entityF1}); a missing
     * node when the file lacks it.
     */
    public JsonNode metric(String path) {
        String[] parts = path.split("\\.");
        JsonNode node = metrics.get(parts[0]);
        if (node == null) {
            return MissingNode.getInstance();
        }
        for (int i = 1; i < parts.length; i++) {
            node = node.path(parts[i]);
        }
        return node;
    }

    /** The figure at {@code path} as the verdict reads it; every field absent when the file lacks it. */
    public MetricFigure figure(String path) {
        return ResultFiles.figure(metric(path));
    }

    /** Per-case outcomes of requirement {@code requirementId}; a missing node when there are none. */
    public JsonNode cases(String requirementId) {
        return cases.getOrDefault(requirementId, MissingNode.getInstance());
    }

    /** When the run started; empty when the file has no readable {@code startedAt}. */
    public Optional<Instant> started() {
        try {
            return startedAt == null ? Optional.empty() : Optional.of(Instant.parse(startedAt));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static JsonNode orMissing(JsonNode node) {
        return node == null || node.isNull() ? MissingNode.getInstance() : node;
    }
}
