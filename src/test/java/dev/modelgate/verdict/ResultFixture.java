package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.BuiltInCatalogue;
import dev.modelgate.catalog.Requirements;
import java.nio.file.Path;
import java.time.Instant;

/** Builds result files in the shape of SPEC §3, as the qualification suite writes them. */
public final class ResultFixture {

    private final ObjectNode root = ResultFiles.JSON.createObjectNode();

    private ResultFixture(String id) {
        root.put("id", id);
        root.put("name", id);
        root.put("baseline", false);
        root.put("adHoc", false);
        root.put("configHash", "sha256:fixture");
        root.put("startedAt", Instant.now().toString());
        root.putObject("engine").put("type", "vllm").put("version", "0.12.0");
        root.putObject("stability").put("rating", "recent").put("evidence", "fixture");
        root.putObject("faults").put("bootFailures", 0).put("serverErrors", 0);
        root.putObject("metrics");
        ObjectNode reqs = root.putObject("requirements");
        for (var spec : table().requirements().values()) {
            if (spec.must().isPresent()) {
                reqs.putObject(spec.id()).put("status", "passed").put("level", spec.nice().isPresent() ? "nice" : "must")
                        .put("message", spec.title() + ": meets the must-have");
            }
        }
        root.put("complete", true);
    }

    /** A complete result whose must-haves all passed, with no figures yet. */
    public static ResultFixture of(String id) {
        return new ResultFixture(id);
    }

    /** The built-in requirement table. */
    public static Requirements table() {
        return BuiltInCatalogue.get().requirements();
    }

    /**
     * A run of three candidates (run.json and result files) vs the declared Nemotron baseline
     * (total 0.605, see ScorerTest):
     * <ul>
     * <li>gemma: 0.4·0.9 + 0.25·0.5 + 0.2·1 + 0.1·0.5 + 0.05·1 = 0.785 (+29.8 %): swap</li>
     * <li>qwen: tool calling 87.5 % misses the must-have; P = ½·min(1, 113 / 113) + ½·min(1, 130 / 130) = 1,
     * M = min(1, 18 / 18) = 1; 0.4·0.891667 + 0.25 + 0.2 + 0.1 + 0.05 = 0.956667: disqualified</li>
     * <li>llama: 0.4·0.9 + 0.25·0.5 + 0 + 0.1·0.5 + 0.05·1 = 0.585 (−3.3 %): no swap</li>
     * </ul>
     */
    public static Path threeCandidatesRun(Path results) {
        ResultFixture.of("gemma-4-26b-a4b").name("Gemma 4 26B-A4B (NVFP4)").quality(0.9, 0.9, 0.9, 0.9)
                .perf(56.5, 130).vram(18).vision(true, 0.6).rating("production").writeTo(results);
        ResultFixture.of("qwen3-30b-a3b").quality(0.875, 0.9, 0.9, 0.9).perf(113, 65).vram(9).vision(true, 0.8)
                .rating("production")
                .requirement("tool-calling", "failed", "none", 0.875, "Tool calling accuracy 87.5 % < 90 % (must-have)")
                .writeTo(results);
        ResultFixture.of("llama-3-8b").quality(0.9, 0.9, 0.9, 0.9).perf(56.5, 130).vram(18).vision(false, 0)
                .rating("production")
                .requirement("ttft", "passed", "must", 140.0, "TTFT p50 140 ms ≥ 130 ms (nice-to-have)")
                .writeTo(results);
        String manifest = "{\"candidates\": [\"gemma-4-26b-a4b\", \"qwen3-30b-a3b\", \"llama-3-8b\"], \"baseline\": \""
                + "nemotron-3-nano-30b-a3b-nvfp4" + "\", \"startedAt\": \"" + Instant.now() + "\", \"gate\": \"must\"}";
        ResultStore.writeAtomically(results.resolve("run.json"), manifest);
        return results;
    }

    public ResultFixture name(String name) {
        root.put("name", name);
        return this;
    }

    public ResultFixture quality(double tool, double entity, double kannadaEntities, double kannadaNative) {
        ObjectNode m = metrics();
        m.putObject("toolCallingAccuracy").put("value", tool);
        m.putObject("entityF1").put("value", entity);
        ObjectNode k = m.putObject("kannada");
        k.putObject("entityF1").put("value", kannadaEntities);
        k.putObject("nativeResponse").put("value", kannadaNative);
        return this;
    }

    public ResultFixture tool(double value, double low, double high) {
        metrics().putObject("toolCallingAccuracy").put("value", value).putArray("ci95").add(low).add(high);
        return this;
    }

    public ResultFixture perf(double tps, double ttftMs) {
        metrics().putObject("decodeTokensPerSecond").put("p50", tps).put("p90", tps * 1.05).put("n", 20);
        metrics().putObject("ttftMs").put("p50", ttftMs).put("p90", ttftMs * 1.1).put("p99", ttftMs * 1.2).put("n", 20);
        return this;
    }

    /** A capacity search's outcome, as the capacity test writes it (levels left out). */
    public ResultFixture capacity(int streams) {
        metrics().putObject("capacity").put("summary", "serves " + streams + " concurrent voice turns within the SLO"
                + " (TTFT p95 < 300 ms), goodput 4.2 requests/s; stopped: resolved").put("unit", "streams")
                .put("dimension", "concurrency").put("profile", "concurrency").put("capacity", streams)
                .put("goodput", 4.2).put("stoppedBecause", "resolved");
        return this;
    }

    public ResultFixture vision(boolean accepted, double rate) {
        metrics().putObject("vision").put("accepted", accepted).put("value", rate);
        return this;
    }

    public ResultFixture vision(boolean accepted, double rate, double low, double high) {
        metrics().putObject("vision").put("accepted", accepted).put("value", rate).putArray("ci95").add(low).add(high);
        return this;
    }

    public ResultFixture vram(double gib) {
        metrics().putObject("vramGiB").put("value", gib).put("method", "nvidia-smi");
        return this;
    }

    public ResultFixture rating(String rating) {
        ((ObjectNode) root.get("stability")).put("rating", rating);
        return this;
    }

    public ResultFixture fault(String kind, int count) {
        ((ObjectNode) root.get("faults")).put(kind, count);
        return this;
    }

    public ResultFixture requirement(String id, String status, String level, Object value, String message) {
        ObjectNode e = ((ObjectNode) root.get("requirements")).putObject(id);
        e.put("status", status).put("level", level).put("message", message);
        e.set("value", ResultFiles.JSON.valueToTree(value));
        return this;
    }

    public ResultFixture without(String requirement) {
        ((ObjectNode) root.get("requirements")).remove(requirement);
        return this;
    }

    public ResultFixture complete(boolean complete) {
        root.put("complete", complete);
        return this;
    }

    public ResultFixture startedAt(Instant at) {
        root.put("startedAt", at.toString());
        return this;
    }

    public ObjectNode json() {
        return root.deepCopy();
    }

    public Path writeTo(Path dir) {
        ResultStore store = new ResultStore(dir);
        store.writeJson(store.fileOf(root.path("id").asText()), root);
        return store.fileOf(root.path("id").asText());
    }

    private ObjectNode metrics() {
        return (ObjectNode) root.get("metrics");
    }
}
