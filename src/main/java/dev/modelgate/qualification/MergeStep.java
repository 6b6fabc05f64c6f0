package dev.modelgate.qualification;

import dev.modelgate.verdict.ResultFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Settings;
import dev.modelgate.report.AllureCategories;
import dev.modelgate.report.AllureOutput;
import dev.modelgate.report.AllureResultsMerge;
import dev.modelgate.report.EnvironmentProperties;
import dev.modelgate.report.HostFacts;
import dev.modelgate.report.VerdictReport;
import dev.modelgate.verdict.ConfigParts;
import dev.modelgate.verdict.MergedRun;
import dev.modelgate.verdict.ResultStore;
import dev.modelgate.verdict.RunManifest;
import dev.modelgate.verdict.RunSource;
import dev.modelgate.verdict.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code -Dmodelgate.merge=<dir>[,<dir>…]}: the verdict over the results of runs made elsewhere
 * (one CI job per candidate), nothing booted. The runs' result files are gathered into this build's
 * results directory ({@link MergedRun}, refused when they are not comparable unless
 * {@code -Dmodelgate.merge.allowMixed=true}), the verdict is computed over them as over one run,
 * and their Allure results are merged into this build's ({@link AllureResultsMerge}).
 */
final class MergeStep {

    /** Directories of earlier runs' results (or CI artifact folders holding them), comma-separated. */
    static final String MERGE = "modelgate.merge";
    /** {@code true}: merge runs whose configurations differ, and mark the verdict mixed. */
    static final String ALLOW_MIXED = "modelgate.merge.allowMixed";

    private final MergedRun run;
    private final List<Path> given;

    private MergeStep(MergedRun run, List<Path> given) {
        this.run = run;
        this.given = given;
    }

    static List<Path> dirs(String setting) {
        return Arrays.stream(setting.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    /** Finds the runs, checks them and gathers their results into {@code resultsDir}. */
    static MergeStep prepare(Settings settings, Requirements table, Path resultsDir) {
        List<Path> given = dirs(settings.get(MERGE).orElse(""));
        if (given.isEmpty()) {
            throw new IllegalArgumentException(MERGE + " names no directory; give the runs' result directories,"
                    + " comma-separated, e.g. -D" + MERGE + "=runs/a,runs/b");
        }
        List<RunSource> runs = new ArrayList<>();
        given.forEach(dir -> runs.addAll(RunSource.findAll(dir)));
        MergedRun merged = MergedRun.write(runs, resultsDir, ConfigParts.ofTable(table), table.source(),
                settings.getBoolean(ALLOW_MIXED), settings.get(Settings.GATE));
        System.out.println("[modelgate] merging " + runs.size() + " runs: "
                + runs.stream().map(RunSource::describe).toList() + " into " + resultsDir
                + (merged.mixed().isEmpty() ? "" : "; MIXED configurations: " + merged.mixed()));
        return new MergeStep(merged, given);
    }

    RunManifest manifest() {
        return run.manifest();
    }

    List<String> mixed() {
        return run.mixed();
    }

    /**
     * Merges the runs' Allure results into {@code out}, then the run files (environment with the
     * machines the runs measured on, categories), and records the merge in {@code verdict.json} and
     * {@code summary.md}. Called after the verdict wrote its own files.
     */
    void writeReport(AllureOutput out, Verdict verdict, HostFacts host, Path resultsDir) {
        Path target = out.resultsDir().toAbsolutePath().normalize();
        AllureResultsMerge allure = new AllureResultsMerge(out.resultsDir());
        for (Path dir : given) {
            for (Path results : AllureResultsMerge.findAll(dir)) {
                if (!results.toAbsolutePath().normalize().equals(target)) {
                    allure.add(results);
                }
            }
        }
        out.writeResultsFile("environment.properties", EnvironmentProperties.render(
                allure.environment(EnvironmentProperties.entries(verdict, host))).getBytes(StandardCharsets.ISO_8859_1));
        out.writeResultsFile("categories.json", allure.categories(AllureCategories.json())
                .getBytes(StandardCharsets.UTF_8));
        System.out.println("[modelgate] merged Allure results: " + allure.copied() + " files copied, "
                + allure.verdictTestsLeftOut() + " per-run verdict tests replaced by the merged verdict"
                + (allure.renamed() > 0 ? ", " + allure.renamed() + " uuids given anew" : ""));
        ResultStore store = new ResultStore(resultsDir);
        Path json = resultsDir.resolve(VerdictReport.VERDICT_JSON);
        try {
            JsonNode tree = ResultFiles.JSON.readTree(json.toFile());
            ((ObjectNode) tree).set("merge", run.toJson());
            store.writeJson(json, tree);
            Path md = resultsDir.resolve(VerdictReport.SUMMARY_MD);
            ResultStore.writeAtomically(md, mixedWarning() + Files.readString(md) + runsTable());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the merge in " + resultsDir, e);
        }
    }

    private String mixedWarning() {
        if (run.mixed().isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("> **Mixed configurations** (merged with -D" + ALLOW_MIXED + "=true):"
                + " these runs were not measured alike, so their figures are not compared like for like.\n");
        run.mixed().forEach(d -> s.append(">\n> - ").append(d).append('\n'));
        return s.append('\n').toString();
    }

    private String runsTable() {
        StringBuilder s = new StringBuilder("\n## Merged runs\n\n| run | started | candidates |\n|---|---|---|\n");
        for (RunSource r : run.runs()) {
            s.append("| ").append(r.label()).append(" | ").append(r.manifest().startedAt()).append(" | ")
                    .append(String.join(", ", r.manifest().candidates().stream().map(id -> "`" + id + "`").toList()))
                    .append(" |\n");
        }
        return s.toString();
    }

    Optional<String> mixedStep() {
        return run.mixed().isEmpty() ? Optional.empty()
                : Optional.of("mixed configurations (-D" + ALLOW_MIXED + "=true): " + String.join("; ", run.mixed()));
    }
}
