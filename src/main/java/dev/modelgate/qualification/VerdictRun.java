package dev.modelgate.qualification;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import dev.modelgate.report.AllureHistory;
import dev.modelgate.report.AllureOutput;
import dev.modelgate.report.ResourceRegistryTable;
import dev.modelgate.report.HostFacts;
import dev.modelgate.report.VerdictReport;
import dev.modelgate.verdict.CandidateVerdict;
import dev.modelgate.verdict.Format;
import dev.modelgate.verdict.Gate;
import dev.modelgate.verdict.Outcome;
import dev.modelgate.verdict.RunManifest;
import dev.modelgate.verdict.SubScore;
import dev.modelgate.verdict.Verdict;
import dev.modelgate.verdict.Verdicts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.opentest4j.AssertionFailedError;

/**
 * One verdict over the run's result files: computed once when the verdict class runs, then
 * reported as one dynamic test per candidate.
 */
final class VerdictRun {

    /** A run.json older than this JVM by more than this was written by an earlier run. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);

    private final Settings settings;
    private final AllureOutput out;
    private final Map<String, String> env;

    VerdictRun(Settings settings, AllureOutput out, Map<String, String> env) {
        this.settings = settings;
        this.out = out;
        this.env = env;
    }

    Stream<DynamicNode> tests() {
        boolean merging = settings.get(MergeStep.MERGE).isPresent();
        if (settings.get(Settings.MODEL).isEmpty() && !merging) {
            return Stream.empty();
        }
        Path dir = settings.resultsDir();
        Catalog catalog = merging ? catalog() : null;
        Optional<MergeStep> merge = Optional.empty();
        RunManifest manifest;
        if (merging) {
            if (settings.get(Settings.MODEL).isPresent()) {
                throw new IllegalArgumentException("-D" + MergeStep.MERGE + " merges earlier runs and runs nothing;"
                        + " leave out -Dmodel (qualify first, in separate builds, then merge)");
            }
            merge = Optional.of(MergeStep.prepare(settings, catalog.requirements(), dir));
            manifest = merge.get().manifest();
        } else {
            Optional<RunManifest> read = RunManifest.read(dir);
            if (read.isEmpty()) {
                return Stream.of(aborted("no " + dir.resolve(RunManifest.FILE) + ": the qualification suite did not"
                        + " start (see its failures), so there is nothing to decide"));
            }
            manifest = read.get();
            Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
            if (manifest.startedAt().isBefore(jvmStart.minus(CLOCK_SLACK))) {
                return Stream.of(aborted(dir.resolve(RunManifest.FILE) + " is from an earlier run (started "
                        + manifest.startedAt() + "): the qualification suite of this run did not start"));
            }
        }
        if (catalog == null) {
            catalog = catalog();
        }
        Gate gate = Gate.of(settings.get(Settings.GATE).orElse(manifest.gate()));
        Verdict verdict = new Verdicts(catalog.requirements(), catalog::candidate, dir, storedBaselineDirs())
                .compute(manifest, gate);
        VerdictReport report = new VerdictReport(verdict, catalog.requirements());
        report.writeFiles(dir);
        java.util.Set<String> measured = new java.util.LinkedHashSet<>(manifest.candidates());
        measured.add(verdict.baseline().id());
        Path registry = ResourceRegistryTable.write(dir, catalog.requirements(), measured);
        Path projectDir = Optional.ofNullable(out.resultsDir().toAbsolutePath().getParent()).orElse(Path.of(""));
        HostFacts host = HostFacts.probe(projectDir, env);
        report.writeRunFiles(out, host, env,
                AllureHistory.DEFAULT_REPORTS.stream().map(projectDir::resolve).toList());
        merge.ifPresent(m -> m.writeReport(out, verdict, host, dir));
        Optional<String> mixed = merge.flatMap(MergeStep::mixedStep);
        String name = "swap verdict vs " + verdict.baseline().id();
        return verdict.candidates().stream().map(c -> dynamicContainer(c.id(),
                Stream.of(dynamicTest(name, () -> judge(c, verdict, report, registry, mixed)))));
    }

    private void judge(CandidateVerdict c, Verdict verdict, VerdictReport report, Path registry,
                       Optional<String> mixed) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("epic", "qualification");
        labels.put("feature", "Swap verdict");
        labels.put("story", c.name().equals(c.id()) ? c.id() : c.name() + " (" + c.id() + ")");
        labels.put("suite", "Swap verdict");
        labels.put("subSuite", c.id());
        out.place(labels, Map.of("model", c.id(), "baseline", verdict.baseline().id()),
                "modelgate:swap-verdict:" + c.id() + ":vs:" + verdict.baseline().id());
        step(out, "baseline " + verdict.baseline().id() + ": " + verdict.baseline().provenance().label() + " — "
                + verdict.baseline().source(), verdict.baselineScore().isPresent());
        c.score().ifPresent(s -> {
            for (SubScore p : s.parts()) {
                step(out, p.key() + " " + p.title() + " = " + (p.computed() ? Format.num(p.value()) : "not computed (0)")
                        + " × " + Format.num(p.weight()) + ": " + p.formula(), p.computed());
            }
            out.step("total " + Format.score(s.total()));
        });
        mixed.ifPresent(out::failedStep);
        c.decision().review().mustHaveMisses().forEach(m -> out.failedStep(m));
        c.decision().review().notEstablished().forEach(m -> out.failedStep(m));
        c.decision().review().niceToHaveMisses().forEach(m -> out.failedStep(m));
        c.decision().inconclusive().forEach(m -> out.failedStep("inconclusive: " + m));
        c.paired().forEach(p -> step(out, "vs baseline, case by case: " + p.describe(),
                !p.outcome().equals("worse")));
        report.attachTo(out);
        attachFile(out, "resource registry (memory against the machine's budget)", registry);
        String reason = c.decision().reason();
        Outcome outcome = c.outcome();
        switch (outcome) {
            case SWAP -> {
                out.step(reason);
            }
            case BASELINE -> Assumptions.abort(c.id() + " " + reason);
            case DISQUALIFIED -> throw new AssertionFailedError(reason);
            case NO_SWAP, NOT_ESTABLISHED -> {
                if (verdict.gate() == Gate.SWAP) {
                    throw new AssertionFailedError(reason);
                }
                Assumptions.abort((outcome == Outcome.NO_SWAP ? "no swap: " : "") + reason
                        + " (gate=must: reported, not failed; -Dmodelgate.gate=swap fails the build on it)");
            }
            default -> throw new IllegalStateException("unknown outcome " + outcome);
        }
    }

    private Catalog catalog() {
        Problems problems = new Problems();
        Catalog catalog = CatalogLoader.load(settings, problems);
        problems.throwIfAny();
        return catalog;
    }

    private List<Path> storedBaselineDirs() {
        return settings.get(Settings.BASELINE_RESULTS).map(v -> Arrays.stream(v.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Path::of).toList()).orElse(List.of());
    }

    private static DynamicNode aborted(String reason) {
        return dynamicTest("swap verdict", () -> Assumptions.abort(reason));
    }

    private static void step(AllureOutput out, String name, boolean passed) {
        if (passed) {
            out.step(name);
        } else {
            out.failedStep(name);
        }
    }

    private static void attachFile(AllureOutput out, String name, Path file) {
        try {
            out.attach(name, "text/markdown", "md", java.nio.file.Files.readString(file));
        } catch (java.io.IOException e) {
            out.failedStep(name + " could not be read: " + e.getMessage());
        }
    }
}
