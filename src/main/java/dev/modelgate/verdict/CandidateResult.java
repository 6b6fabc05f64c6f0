package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Candidate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The result file of one candidate ({@code target/modelgate/<id>.json}, SPEC §3), built up as
 * requirements finish. Thread-safe; {@link #snapshot()} gives a copy to write, {@link #file()} the
 * typed view the verdict reads. Fields an older or newer file holds and this class does not set are
 * kept as they are.
 */
public final class CandidateResult {

    private static final ObjectMapper JSON = ResultFiles.JSON;

    private final ObjectNode root;

    private CandidateResult(ObjectNode root) {
        this.root = root;
    }

    /** A fresh result for {@code candidate}, not yet complete. */
    public static CandidateResult start(Candidate candidate, String configHash) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", candidate.id());
        r.put("name", candidate.name());
        r.put("baseline", candidate.baseline());
        r.put("adHoc", candidate.adHoc());
        r.put("configHash", configHash);
        r.put("startedAt", Instant.now().toString());
        r.set("facts", JSON.valueToTree(candidate.facts()));
        r.set("stability", JSON.valueToTree(candidate.stability()));
        if (!candidate.declared().isEmpty()) {
            r.set("declared", JSON.valueToTree(candidate.declared()));
        }
        r.putObject("engine").put("type", candidate.engine().type());
        r.putObject("faults").put("bootFailures", 0).put("serverErrors", 0).put("protocolErrors", 0).put("timeouts", 0)
                .put("serverDied", 0);
        r.putObject("metrics");
        r.putObject("requirements");
        r.put("complete", false);
        return new CandidateResult(r);
    }

    /** A result read back from a file. */
    public static CandidateResult of(ObjectNode root) {
        return new CandidateResult(root.deepCopy());
    }

    public String id() {
        return root.path("id").asText();
    }

    public synchronized String configHash() {
        return root.path("configHash").asText();
    }

    public synchronized String startedAt() {
        return root.path("startedAt").asText();
    }

    public synchronized boolean isComplete() {
        return root.path("complete").asBoolean(false);
    }

    /**
     * Carries over what an earlier run with the same configuration measured, so a resumed run's
     * file holds the reused figures and outcomes next to the new ones.
     */
    public synchronized void resumeFrom(CandidateResult previous) {
        ObjectNode old = previous.snapshot();
        for (String field : new String[] {"engine", "bootSeconds", "metrics", "requirements", "cases", "tests",
                "faults"}) {
            if (old.has(field)) {
                root.set(field, old.get(field).deepCopy());
            }
        }
        root.put("resumedFrom", old.path("startedAt").asText());
    }

    /** Records the outcome of one test method (used to resume a run test by test). */
    public synchronized void test(String method, Status status, String message) {
        ObjectNode tests = root.has("tests") ? (ObjectNode) root.get("tests") : root.putObject("tests");
        tests.set(method, ResultFiles.tree(new TestOutcome(status, message)));
    }

    public synchronized Optional<TestOutcome> test(String method) {
        return file().test(method);
    }

    public synchronized void engine(String type, String version, Map<String, String> details) {
        ObjectNode e = root.putObject("engine");
        e.put("type", type);
        e.put("version", version);
        e.set("details", JSON.valueToTree(details));
    }

    public synchronized void bootSeconds(double seconds) {
        root.put("bootSeconds", seconds);
    }

    /**
     * Records {@code metrics.<name>}. An object value is merged into an existing object of the same
     * name field by field (two tests may each fill part of one figure, e.g. {@code kannada}).
     */
    public synchronized void metric(String name, Object value) {
        ObjectNode metrics = (ObjectNode) root.get("metrics");
        JsonNode tree = JSON.valueToTree(value);
        JsonNode existing = metrics.get(name);
        if (existing instanceof ObjectNode old && tree instanceof ObjectNode fresh) {
            old.setAll(fresh);
        } else {
            metrics.set(name, tree);
        }
    }

    public synchronized JsonNode metric(String name) {
        return root.path("metrics").path(name);
    }

    /** Records {@code cases.<requirement id>}: the per-case outcomes of a quality requirement. */
    public synchronized void caseOutcomes(String requirementId, Object outcomes) {
        ObjectNode cases = root.has("cases") ? (ObjectNode) root.get("cases") : root.putObject("cases");
        cases.set(requirementId, JSON.valueToTree(outcomes));
    }

    /** Merges the fields {@code fields} has into {@code requirements.<id>}. */
    public synchronized void requirement(String id, RequirementOutcome fields) {
        ObjectNode reqs = (ObjectNode) root.get("requirements");
        ObjectNode entry = reqs.has(id) ? (ObjectNode) reqs.get(id) : reqs.putObject(id);
        entry.setAll((ObjectNode) ResultFiles.tree(fields));
    }

    public synchronized Optional<RequirementOutcome> requirement(String id) {
        JsonNode entry = root.path("requirements").path(id);
        return entry.isObject() ? Optional.of(ResultFiles.JSON.convertValue(entry, RequirementOutcome.class))
                : Optional.empty();
    }

    /** Counts a fault of {@code kind} ({@code bootFailures}, {@code serverErrors}, …). */
    public synchronized void fault(String kind) {
        ObjectNode f = (ObjectNode) root.get("faults");
        f.put(kind, f.path(kind).asInt(0) + 1);
    }

    /** Records the configuration hash and what it was computed over (again once the engine version is known). */
    public synchronized void configuration(String configHash, ConfigParts parts) {
        root.put("configHash", configHash);
        root.set(ConfigParts.FIELD, parts.toJson());
    }

    /** Records why the server did not boot. */
    public synchronized void bootFailure(BootFailureRecord failure) {
        root.set("bootFailure", ResultFiles.tree(failure));
    }

    /** Records that the JVM was told to stop before the candidate was done. */
    public synchronized void interrupted(InterruptionRecord interruption) {
        root.set("interrupted", ResultFiles.tree(interruption));
    }

    /** Records the request fields the candidate's requests carry, by use ({@code performance}, {@code quality}). */
    public synchronized void requestFields(Map<String, ?> fieldsByUse) {
        root.set("requestFields", JSON.valueToTree(fieldsByUse));
    }

    /** Records the score the verdict computed. */
    public synchronized void score(JsonNode score) {
        root.set("score", score);
    }

    /** The typed view of the result as it stands. */
    public synchronized ResultFile file() {
        return ResultFiles.bind(root);
    }

    public synchronized void complete(boolean complete) {
        root.put("complete", complete);
        if (complete) {
            root.put("finishedAt", Instant.now().toString());
        }
    }

    public synchronized ObjectNode snapshot() {
        return root.deepCopy();
    }
}
