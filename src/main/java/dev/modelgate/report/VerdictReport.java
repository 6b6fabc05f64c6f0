package dev.modelgate.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.verdict.CandidateResult;
import dev.modelgate.verdict.CandidateVerdict;
import dev.modelgate.verdict.ResultStore;
import dev.modelgate.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outputs of a verdict: {@code verdict.json} and {@code summary.md} in the results directory,
 * the score written into each candidate's result file, the run files of the Allure results
 * (environment, categories, executor, history) and the attachments of each verdict test.
 */
public final class VerdictReport {

    public static final String VERDICT_JSON = "verdict.json";
    public static final String SUMMARY_MD = "summary.md";

    private final Verdict verdict;
    private final Requirements table;

    public VerdictReport(Verdict verdict, Requirements table) {
        this.verdict = verdict;
        this.table = table;
    }

    public String summary() {
        return SummaryMarkdown.render(verdict);
    }

    /** The charts, by file name: score bars, TTFT and decode-speed comparisons. */
    public Map<String, String> charts() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("scores.svg", VerdictCharts.scores(verdict).render());
        c.put("ttft.svg", VerdictCharts.ttft(verdict, table.get("ttft")).render());
        c.put("decode-speed.svg", VerdictCharts.decode(verdict, table.get("decode")).render());
        return c;
    }

    /**
     * Writes {@code verdict.json} and {@code summary.md} into {@code resultsDir} (atomically) and
     * adds {@code score} (the score, its ratio to the baseline and the decision) to each
     * candidate's result file of this run.
     *
     * @return the two files written
     */
    public List<Path> writeFiles(Path resultsDir) {
        ResultStore store = new ResultStore(resultsDir);
        Path json = resultsDir.resolve(VERDICT_JSON);
        Path md = resultsDir.resolve(SUMMARY_MD);
        store.writeJson(json, verdict.toJson());
        ResultStore.writeAtomically(md, summary());
        for (CandidateVerdict c : verdict.candidates()) {
            if (c.result().isEmpty() || c.score().isEmpty()) {
                continue;
            }
            Optional<CandidateResult> updated = store.read(c.id());
            if (updated.isEmpty()) {
                continue;
            }
            ObjectNode score = c.score().get().toJson();
            score.put("baseline", verdict.baseline().id());
            score.put("baselineProvenance", verdict.baseline().provenance().label());
            c.ratio().ifPresentOrElse(r -> score.put("ratio", r), () -> score.putNull("ratio"));
            score.put("outcome", c.outcome().label());
            score.put("reason", c.decision().reason());
            updated.get().score(score);
            store.write(updated.get());
        }
        return List.of(json, md);
    }

    /**
     * Writes {@code environment.properties}, {@code categories.json}, {@code executor.json} (when
     * {@code CI} is set) into the Allure results, and carries the history of the newest previous
     * report over.
     */
    public void writeRunFiles(AllureOutput out, HostFacts host, Map<String, String> env, List<Path> previousReports) {
        out.writeResultsFile("environment.properties", bytes(EnvironmentProperties.render(
                EnvironmentProperties.entries(verdict, host))));
        out.writeResultsFile("categories.json", bytes(AllureCategories.json()));
        ExecutorInfo.fromEnvironment(env).ifPresent(json -> out.writeResultsFile("executor.json", bytes(json)));
        AllureHistory.previous(previousReports).ifPresent(out::carryHistory);
    }

    /** Attaches the summary, {@code verdict.json} and the charts to the running test. */
    public void attachTo(AllureOutput out) {
        out.attach("summary.md", "text/plain", "md", bytes(summary()));
        out.attach("verdict.json", "application/json", "json", bytes(verdict.toJson().toPrettyString()));
        charts().forEach((name, svg) -> out.attach(name.replace(".svg", ""), "image/svg+xml", "svg", bytes(svg)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
