package dev.modelgate.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sub-scores and totals of SPEC §5 against numbers worked out by hand. */
class ScorerTest {

    private static final double EPS = 1e-12;
    private final Scorer scorer = new Scorer(ScoringParameters.DEFAULTS);

    private static ModelFigures figures(ResultFixture f) {
        return ModelFigures.fromResult(ResultFiles.bind(f.json()), "fixture.json", 0.5);
    }

    private static ResultFixture fullBase() {
        return ResultFixture.of("base").quality(0.5, 0.5, 0.5, 0.5).perf(50, 200).vram(20).vision(false, 0)
                .rating("production");
    }

    private static ResultFixture fullCandidate() {
        return ResultFixture.of("cand").quality(0.9, 0.8, 0.8, 0.6).perf(75, 250).vram(8).vision(true, 0.6)
                .rating("recent").fault("bootFailures", 1).fault("serverErrors", 1);
    }

    @Test
    void everySubScoreOfAFullyMeasuredCandidate() {
        ModelFigures base = figures(fullBase());
        ModelFigures cand = figures(fullCandidate());

        Score s = scorer.score(cand, base);

        // Q = mean(0.9, 0.8, ½·0.8 + ½·0.6 = 0.7) = 0.8
        assertThat(s.part("Q").value()).isCloseTo(0.8, within(EPS));
        // P = ½·min(1, 75 / (2·50)) + ½·min(1, 200 / (2·250)) = ½·0.75 + ½·0.4 = 0.575
        assertThat(s.part("P").value()).isCloseTo(0.575, within(EPS));
        assertThat(s.part("P").formula()).isEqualTo("0.5 × min(1, 75 / (2 × 50)) + 0.5 × min(1, 200 / (2 × 250))"
                + " = 0.5 × 0.75 + 0.5 × 0.4 = 0.575");
        // V = 1: accepts images, 60 % ≥ 50 %
        assertThat(s.part("V").value()).isEqualTo(1.0);
        // M = min(1, 20 / (2·8)) = 1 (capped; 1.25 uncapped)
        assertThat(s.part("M").value()).isEqualTo(1.0);
        // S = recent 0.5 − 0.1 × 2 faults = 0.3
        assertThat(s.part("S").value()).isCloseTo(0.3, within(EPS));
        assertThat(s.part("S").formula()).isEqualTo("recent 0.5 − 0.1 × 2 faults (bootFailures 1, serverErrors 1) = 0.3");
        // total = 0.4·0.8 + 0.25·0.575 + 0.2·1 + 0.1·1 + 0.05·0.3 = 0.32 + 0.14375 + 0.2 + 0.1 + 0.015
        assertThat(s.total()).isCloseTo(0.77875, within(EPS));
    }

    @Test
    void theBaselineScoredAgainstItselfSitsAtOneHalfOnTheRelativeSubScores() {
        ModelFigures base = figures(ResultFixture.of("base").quality(0.5, 0.5, 0.5, 0.5).perf(50, 200).vram(20)
                .vision(false, 0).rating("recent"));
        Score s = scorer.score(base, base);
        assertThat(s.part("P").value()).isEqualTo(0.5);
        assertThat(s.part("M").value()).isEqualTo(0.5);
        // 0.4·0.5 + 0.25·0.5 + 0.2·0 + 0.1·0.5 + 0.05·0.5 = 0.2 + 0.125 + 0.05 + 0.025
        assertThat(s.total()).isCloseTo(0.4, within(EPS));
    }

    @Test
    void aDeclaredBaselineUsesTheMidpointOfADeclaredRangeAndSaysSo() {
        Problems problems = new Problems();
        Candidate nemotron = CatalogLoader.load(Settings.ofMap(Map.of()), problems)
                .candidate("nemotron-3-nano-30b-a3b-nvfp4").orElseThrow();
        problems.throwIfAny();
        ModelFigures declared = ModelFigures.fromDeclared(nemotron);

        Score s = scorer.score(declared, declared);

        assertThat(declared.figure(ModelFigures.DECODE).value()).isEqualTo(56.5); // (48 + 65) / 2
        assertThat(declared.notes()).anySatisfy(n -> assertThat(n)
                .isEqualTo("decode speed declared as the range 48–65 tok/s: its midpoint 56.5 tok/s is used"));
        // Q = mean(0.95) with entity F1 and Kannada not declared (left out for every model, and named)
        assertThat(s.part("Q").value()).isEqualTo(0.95);
        assertThat(s.part("Q").missing()).containsExactly(
                "entity F1 left out for every model: the baseline has no figure (models/nemotron-3-nano-30b-a3b-nvfp4.yaml"
                        + " declared.entityF1 not declared)",
                "Kannada left out for every model: the baseline has no figure (models/nemotron-3-nano-30b-a3b-nvfp4.yaml"
                        + " declared.kannadaScore not declared)");
        assertThat(s.part("V").value()).isEqualTo(0.0); // vision: false
        assertThat(s.part("S").value()).isEqualTo(1.0); // production
        // 0.4·0.95 + 0.25·0.5 + 0 + 0.1·0.5 + 0.05·1 = 0.38 + 0.125 + 0.05 + 0.05
        assertThat(s.total()).isCloseTo(0.605, within(EPS));
    }

    @Test
    void aMissingFigureIsNamedAndItsSubScoreCountsZeroVisibly() {
        ModelFigures base = figures(ResultFixture.of("base").quality(0.5, 0.5, 0.5, 0.5).perf(50, 200).vram(20)
                .vision(false, 0));
        // tool calling only: no entity F1, no Kannada, no VRAM
        ModelFigures cand = figures(ResultFixture.of("cand").perf(50, 200).vision(false, 0).tool(0.9, 0.8, 0.97));

        Score s = scorer.score(cand, base);

        assertThat(s.part("Q").value()).isEqualTo(0.9); // mean over the one figure that exists
        assertThat(s.part("Q").missing()).containsExactly(
                "entity F1 missing (metrics.entityF1.value not recorded): left out of the mean",
                "Kannada missing (metrics.kannada.entityF1.value and metrics.kannada.nativeResponse.value not recorded):"
                        + " left out of the mean");
        assertThat(s.part("M").computed()).isFalse();
        assertThat(s.part("M").contribution()).isZero();
        assertThat(s.part("M").missing()).containsExactly("VRAM missing (metrics.vramGiB.value not recorded)");
        assertThat(s.part("M").formula()).isEqualTo("no VRAM pair: not computed, counts 0");
        assertThat(s.missing()).contains("M: VRAM missing (metrics.vramGiB.value not recorded)");
        // 0.4·0.9 + 0.25·0.5 + 0 + 0 (M missing) + 0.05·0.5
        assertThat(s.total()).isCloseTo(0.51, within(EPS));
    }

    @Test
    void halfOfPerformanceStandsAloneWhenTheOtherHalfIsMissing() {
        ModelFigures base = figures(ResultFixture.of("base").perf(50, 200));
        ModelFigures cand = figures(ResultFixture.of("cand").perf(60, 100));
        ResultFixture noTtft = ResultFixture.of("cand").perf(60, 100);
        var json = noTtft.json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("metrics")).remove("ttftMs");
        Score s = scorer.score(ModelFigures.fromResult(ResultFiles.bind(json), "x", 0.5), base);
        // min(1, 60 / (2·50)) = 0.6
        assertThat(s.part("P").value()).isCloseTo(0.6, within(EPS));
        assertThat(s.part("P").formula()).isEqualTo("min(1, 60 / (2 × 50)) = 0.6 (decode only; the other half is missing)");
        assertThat(s.part("P").missing()).containsExactly("TTFT missing (metrics.ttftMs.p50 not recorded)");
        assertThat(scorer.score(cand, base).part("P").value()).isCloseTo(0.5 * 0.6 + 0.5 * 1.0, within(EPS));
    }

    @Test
    void aQualityFigureTheBaselineLacksIsLeftOutForTheCandidateToo() {
        ModelFigures base = figures(ResultFixture.of("base").tool(0.95, 0.9, 0.98).perf(50, 200).vram(20));
        ModelFigures cand = figures(ResultFixture.of("cand").quality(0.9, 0.6, 0.3, 0.3).perf(50, 200).vram(20));

        SubScore q = scorer.score(cand, base).part("Q");
        SubScore baseQ = scorer.score(base, base).part("Q");

        // Both on tool calling alone: the candidate's weak entity F1 and Kannada are not counted, since the
        // baseline has no figure to set against them.
        assertThat(q.value()).isCloseTo(0.9, within(EPS));
        assertThat(baseQ.value()).isCloseTo(0.95, within(EPS));
        assertThat(q.missing()).containsExactly(
                "entity F1 left out for every model: the baseline has no figure (metrics.entityF1.value not recorded)",
                "Kannada left out for every model: the baseline has no figure (metrics.kannada.entityF1.value and"
                        + " metrics.kannada.nativeResponse.value not recorded)");
        assertThat(q.formula()).isEqualTo("mean(tool calling 0.9) = 0.9");
        // Without a baseline to compare with, nothing is left out.
        assertThat(scorer.score(cand, base, false).part("Q").value()).isCloseTo((0.9 + 0.6 + 0.3) / 3, within(EPS));
    }

    @Test
    void everyFormulaParameterIsTakenFromTheRequirementTable() {
        Map<String, Double> scoring = new LinkedHashMap<>();
        scoring.put("relativeFactor", 4.0);
        scoring.put("stability.recent", 0.6);
        scoring.put("stability.faultPenalty", 0.25);
        scoring.put("vision.minPassRate", 0.7);
        scoring.put("quality.missingAs", 0.0);
        scoring.put("performance.decodeShare", 1.0);
        Requirements base = ResultFixture.table();
        Requirements custom = new Requirements(base.baseline(), 0.2, new dev.modelgate.catalog.Weights(0.5, 0.2, 0.1, 0.1, 0.1),
                base.machine(), base.sampling(), base.requirements(), scoring, "custom.yaml");
        Scorer custom4 = new Scorer(ScoringParameters.of(custom));
        ModelFigures b = figures(ResultFixture.of("b").quality(0.5, 0.5, 0.5, 0.5).perf(50, 200).vram(20));
        ModelFigures c = figures(ResultFixture.of("c").tool(0.9, 0.5, 0.99).perf(100, 100).vram(10).vision(true, 0.6)
                .fault("serverErrors", 1));

        Score s = custom4.score(c, b);

        assertThat(s.part("Q").value()).isCloseTo(0.3, within(EPS)); // mean(0.9, 0, 0): missing counted as 0
        assertThat(s.part("P").value()).isCloseTo(0.5, within(EPS)); // decode only: min(1, 100 / (4·50))
        assertThat(s.part("M").value()).isCloseTo(0.5, within(EPS)); // min(1, 20 / (4·10))
        assertThat(s.part("V").value()).isZero();                    // 60 % < 70 %
        assertThat(s.part("S").value()).isCloseTo(0.35, within(EPS)); // 0.6 − 0.25
        assertThat(s.part("Q").weight()).isEqualTo(0.5);
        assertThat(s.total()).isCloseTo(0.5 * 0.3 + 0.2 * 0.5 + 0 + 0.1 * 0.5 + 0.1 * 0.35, within(EPS));
    }

    @Test
    void theCapacityAtTheSloLeavesTheScoreAloneUnderItsDefaultShareOfZero() {
        Score without = scorer.score(figures(fullCandidate()), figures(fullBase()));
        Score with = scorer.score(figures(fullCandidate().capacity(12)), figures(fullBase().capacity(8)));

        assertThat(ScoringParameters.DEFAULTS.capacityShare()).isZero();
        assertThat(with.total()).isEqualTo(without.total()).isCloseTo(0.77875, within(EPS));
        assertThat(with.part("P").value()).isEqualTo(without.part("P").value());
        assertThat(with.part("P").formula()).isEqualTo(without.part("P").formula());
        assertThat(with.part("P").inputs()).containsOnlyKeys("decode tok/s", "baseline decode tok/s", "TTFT ms",
                "baseline TTFT ms");
    }

    @Test
    void aCapacityShareMovesPAsDefined() {
        Map<String, Double> scoring = Map.of("performance.capacityShare", 0.4);
        Requirements base = ResultFixture.table();
        Scorer weighted = new Scorer(ScoringParameters.of(new Requirements(base.baseline(), base.swapThreshold(),
                base.weights(), base.machine(), base.sampling(), base.requirements(), scoring, "requirements.yaml")));
        ModelFigures b = figures(ResultFixture.of("b").perf(50, 200).capacity(8));
        ModelFigures c = figures(ResultFixture.of("c").perf(75, 250).capacity(12));

        SubScore p = weighted.score(c, b).part("P");

        // decode and TTFT as before: 0.575; capacity min(1, 12 / (2 × 8)) = 0.75; P = 0.6 × 0.575 + 0.4 × 0.75
        assertThat(p.value()).isCloseTo(0.645, within(EPS));
        assertThat(p.formula()).isEqualTo("0.6 × [0.5 × min(1, 75 / (2 × 50)) + 0.5 × min(1, 200 / (2 × 250)) = 0.5"
                + " × 0.75 + 0.5 × 0.4 = 0.575] + 0.4 × min(1, 12 / (2 × 8)) = 0.6 × 0.575 + 0.4 × 0.75 = 0.645");
        assertThat(p.inputs().get("capacity").source()).isEqualTo("metrics.capacity.capacity");
        // the baseline against itself: 0.6 × 0.5 + 0.4 × 0.5
        assertThat(weighted.score(b, b).part("P").value()).isCloseTo(0.5, within(EPS));
        // no level within the SLO is a capacity of 0, not a missing figure
        ModelFigures none = figures(ResultFixture.of("n").perf(75, 250).capacity(0));
        assertThat(weighted.score(none, b).part("P").value()).isCloseTo(0.6 * 0.575, within(EPS));
        // without the baseline's capacity the share is left out, and said so
        ModelFigures noBaseCapacity = figures(ResultFixture.of("b").perf(50, 200));
        SubScore left = weighted.score(c, noBaseCapacity).part("P");
        assertThat(left.value()).isCloseTo(0.575, within(EPS));
        assertThat(left.missing()).containsExactly("baseline capacity missing (metrics.capacity.capacity not recorded)",
                "capacity share 0.4 left out: P is decode and TTFT alone");
    }

    @Test
    void aCapacityShareOutsideZeroToOneIsAConfigurationError() {
        Requirements base = ResultFixture.table();
        Requirements wrong = new Requirements(base.baseline(), 0.15, base.weights(), base.machine(), base.sampling(),
                base.requirements(), Map.of("performance.capacityShare", 1.5), "requirements.yaml");
        assertThatThrownBy(() -> ScoringParameters.of(wrong))
                .hasMessageContaining("scoring.performance.capacityShare must be between 0 and 1, is 1.5");
    }

    @Test
    void anUnknownScoringKeyIsAConfigurationErrorNotASilentDefault() {
        Requirements base = ResultFixture.table();
        Requirements typo = new Requirements(base.baseline(), 0.15, base.weights(), base.machine(), base.sampling(),
                base.requirements(), Map.of("relativeFactr", 3.0), "requirements.yaml");
        assertThatThrownBy(() -> ScoringParameters.of(typo))
                .hasMessageStartingWith("Configuration error in requirements.yaml: scoring.relativeFactr is not a"
                        + " scoring parameter");
    }
}
