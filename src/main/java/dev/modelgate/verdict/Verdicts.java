package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Requirements;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Computes the verdict of a run from its result files: resolves the baseline, scores every
 * candidate and the baseline, reviews the must-haves and decides the swap.
 */
public final class Verdicts {

    private final Requirements table;
    private final ScoringParameters parameters;
    private final Function<String, Optional<Candidate>> catalog;
    private final Path resultsDir;
    private final List<Path> storedBaselineDirs;

    /**
     * @param catalog            candidate files by id (for display names and the baseline's {@code declared:} block)
     * @param resultsDir         this run's results directory
     * @param storedBaselineDirs where earlier result files of the baseline may be ({@code modelgate.baselineResults})
     * @throws IllegalArgumentException for scoring parameters that are unknown or out of range
     */
    public Verdicts(Requirements table, Function<String, Optional<Candidate>> catalog, Path resultsDir,
                    List<Path> storedBaselineDirs) {
        this.table = table;
        this.parameters = ScoringParameters.of(table);
        this.catalog = catalog;
        this.resultsDir = resultsDir;
        this.storedBaselineDirs = List.copyOf(storedBaselineDirs);
    }

    public Verdict compute(RunManifest manifest, Gate gate) {
        String baselineId = manifest.baseline() != null ? manifest.baseline() : table.baseline();
        Optional<Candidate> baselineCandidate = baselineId == null ? Optional.empty() : catalog.apply(baselineId);
        Baseline baseline = new BaselineResolver(resultsDir, storedBaselineDirs, parameters.kannadaNativeShare())
                .resolve(baselineId, manifest, baselineCandidate);
        Scorer scorer = new Scorer(parameters);
        ModelFigures baseFigures = baseline.figures().orElse(noFigures(baselineId));
        Optional<Score> baseScore = baseline.figures().map(f -> scorer.score(f, f));
        String baseName = baselineCandidate.map(Candidate::name).orElse(baselineId);

        ResultStore store = new ResultStore(resultsDir);
        List<CandidateVerdict> verdicts = new ArrayList<>();
        for (String id : manifest.candidates()) {
            String name = catalog.apply(id).map(Candidate::name).orElse(id);
            Optional<ResultFile> result = store.read(id).map(CandidateResult::file);
            String file = store.fileOf(id).toString();
            if (result.isEmpty()) {
                verdicts.add(new CandidateVerdict(id, name, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Decision.notEstablished("no result file " + file
                        + ": the candidate did not run, or its run ended before the first requirement"), List.of()));
                continue;
            }
            ModelFigures figures = ModelFigures.fromResult(result.get(), file, parameters.kannadaNativeShare());
            Score score = scorer.score(figures, baseFigures, baseline.figures().isPresent());
            if (id.equals(baselineId)) {
                verdicts.add(new CandidateVerdict(id, name, Optional.of(file), result, Optional.of(figures),
                        Optional.of(score), Optional.of(1.0), Decision.baseline(score), List.of()));
                continue;
            }
            Decision decision;
            Optional<Double> ratio = Optional.empty();
            if (baseScore.isEmpty()) {
                decision = Decision.notEstablished(String.join("; ", baseline.notes()));
            } else {
                double baseTotal = baseScore.get().total();
                ratio = baseTotal > 0 ? Optional.of(score.total() / baseTotal) : Optional.empty();
                decision = Decision.decide(score, baseScore.get(), baseline.label(),
                        RequirementReview.of(result.get(), table), parameters, visionInconclusive(figures));
            }
            verdicts.add(new CandidateVerdict(id, name, Optional.of(file), result, Optional.of(figures),
                    Optional.of(score), ratio, decision, PairedComparison.of(result.get(), baseline, titles())));
        }
        return new Verdict(Instant.now(), manifest, gate, parameters, baseline, baseName, baseScore,
                table.source(), verdicts);
    }

    /** V is decided by the vision pass rate against its minimum: inconclusive when the interval holds it. */
    private List<String> visionInconclusive(ModelFigures f) {
        Figure accepted = f.figure(ModelFigures.VISION_ACCEPTED);
        Figure rate = f.figure(ModelFigures.VISION_PASS_RATE);
        double min = parameters.visionMinPassRate();
        if (accepted.present() && accepted.value() >= 0.5 && rate.present() && rate.ci95().isPresent()
                && rate.ci95().get().contains(min)) {
            Interval ci = rate.ci95().get();
            return List.of("vision pass rate " + Format.percent(rate.value()) + ": its 95 % interval "
                    + Format.fixed(ci.low() * 100, 1) + "–" + Format.percent(ci.high()) + " contains the "
                    + Format.percent(min) + " that V needs");
        }
        return List.of();
    }

    /** Requirement titles by id. */
    private Map<String, String> titles() {
        Map<String, String> t = new java.util.LinkedHashMap<>();
        table.requirements().values().forEach(r -> t.put(r.id(), r.title()));
        return t;
    }

    private static ModelFigures noFigures(String id) {
        return new ModelFigures(id, id, Map.of(), Optional.empty(), Map.of(), List.of());
    }
}
