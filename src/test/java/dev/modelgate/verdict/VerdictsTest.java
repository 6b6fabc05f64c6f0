package dev.modelgate.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swap decision over result files, with totals worked out by hand. */
class VerdictsTest {

    private static final String NEMOTRON = "nemotron-3-nano-30b-a3b-nvfp4";
    private static Catalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadCatalog() {
        Problems problems = new Problems();
        catalog = CatalogLoader.load(Settings.ofMap(Map.of()), problems);
        problems.throwIfAny();
    }

    private Verdict verdict(String baseline, List<String> candidates, List<Path> stored) {
        RunManifest manifest = new RunManifest(candidates, baseline, Instant.now().minusSeconds(60), "must");
        return new Verdicts(catalog.requirements(), catalog::candidate, dir, stored).compute(manifest, Gate.MUST);
    }

    /** Baseline total: 0.4·0.5 + 0.25·0.5 + 0.2·0 + 0.1·0.5 + 0.05·0.5 (recent) = 0.4; the swap bar is 0.46. */
    private static ResultFixture base() {
        return ResultFixture.of("base").quality(0.5, 0.5, 0.5, 0.5).perf(50, 200).vram(20).vision(false, 0);
    }

    @Test
    void aCandidateExactlyAtPlusFifteenPercentSwaps() {
        base().writeTo(dir);
        // P = ½·min(1, 98 / 100) + ½·0.5 = 0.74; total = 0.2 + 0.25·0.74 + 0 + 0.05 + 0.025 = 0.46 = 1.15 × 0.4
        ResultFixture.of("exact").quality(0.5, 0.5, 0.5, 0.5).perf(98, 200).vram(20).vision(false, 0).writeTo(dir);

        CandidateVerdict v = verdict("base", List.of("base", "exact"), List.of()).candidate("exact");

        assertThat(v.score().orElseThrow().total()).isCloseTo(0.46, within(1e-12));
        assertThat(v.ratio().orElseThrow()).isCloseTo(1.15, within(1e-12));
        assertThat(v.outcome()).isEqualTo(Outcome.SWAP);
        assertThat(v.decision().reason()).isEqualTo("swap: score 0.460 vs baseline 0.400 (measured in this run): +15 %, needs +15 %");
    }

    @Test
    void aCandidateJustBelowPlusFifteenPercentDoesNotSwapAndShowsTheDigitsThatDecide() {
        base().writeTo(dir);
        // P = ½·0.979 + ½·0.5 = 0.7395; total = 0.459875; gain = 0.459875 / 0.4 − 1 = +14.96875 %
        // (in binary 0.14968749999…, so four decimals show 14.9687)
        ResultFixture.of("below").quality(0.5, 0.5, 0.5, 0.5).perf(97.9, 200).vram(20).vision(false, 0).writeTo(dir);

        CandidateVerdict v = verdict("base", List.of("base", "below"), List.of()).candidate("below");

        assertThat(v.score().orElseThrow().total()).isCloseTo(0.459875, within(1e-12));
        assertThat(v.outcome()).isEqualTo(Outcome.NO_SWAP);
        assertThat(v.decision().reason()).isEqualTo("score 0.460 vs baseline 0.400 (measured in this run): +14.9687 %, needs +15 %");
    }

    @Test
    void theCapacityAtTheSloIsShownPerModelAndLeavesTheScoreAlone() {
        base().capacity(8).writeTo(dir);
        ResultFixture.of("exact").quality(0.5, 0.5, 0.5, 0.5).perf(98, 200).vram(20).vision(false, 0).capacity(12)
                .writeTo(dir);
        ResultFixture.of("none").quality(0.5, 0.5, 0.5, 0.5).perf(98, 200).vram(20).vision(false, 0).writeTo(dir);

        Verdict v = verdict("base", List.of("base", "exact", "none"), List.of());
        String summary = dev.modelgate.report.SummaryMarkdown.render(v);
        com.fasterxml.jackson.databind.JsonNode json = v.toJson();

        assertThat(v.candidate("exact").score().orElseThrow().total()).as("share 0: as without capacity")
                .isCloseTo(0.46, within(1e-12));
        assertThat(summary).contains("**Capacity at the SLO** (the highest load at which the counted requests met every"
                + " bound of the SLO, latencies measured from when each request was due; goodput: requests that met the"
                + " SLO per second at that load;")
                .contains("- base (baseline): serves 8 concurrent voice turns within the SLO (TTFT p95 < 300 ms)")
                .contains("- exact: serves 12 concurrent voice turns within the SLO (TTFT p95 < 300 ms), goodput 4.2"
                        + " requests/s; stopped: resolved")
                .contains("- none: not measured");
        assertThat(json.at("/baseline/capacity/capacity").asInt()).isEqualTo(8);
        assertThat(json.at("/candidates/1/id").asText()).isEqualTo("exact");
        assertThat(json.at("/candidates/1/capacity/capacity").asInt()).isEqualTo(12);
        assertThat(json.at("/candidates/1/capacity/unit").asText()).isEqualTo("streams");
        assertThat(json.at("/candidates/2").has("capacity")).isFalse();
    }

    @Test
    void withoutACapacityAnywhereTheSummaryHasNoCapacitySection() {
        base().writeTo(dir);
        ResultFixture.of("exact").quality(0.5, 0.5, 0.5, 0.5).perf(98, 200).vram(20).vision(false, 0).writeTo(dir);

        assertThat(dev.modelgate.report.SummaryMarkdown.render(verdict("base", List.of("base", "exact"), List.of())))
                .doesNotContain("Capacity at the SLO");
    }

    @Test
    void aMustHaveMissDisqualifiesDespiteAMuchHigherScore() {
        base().writeTo(dir);
        // Q = mean(0.875, 0.95, 0.9) = 0.908333…; P = V = M = S = 1; total = 0.36333… + 0.6 = 0.963333…
        ResultFixture.of("dq").quality(0.875, 0.95, 0.9, 0.9).perf(100, 100).vram(10).vision(true, 0.8)
                .rating("production")
                .requirement("tool-calling", "failed", "none", 0.875, "Tool calling accuracy 87.5 % < 90 % (must-have)")
                .writeTo(dir);

        CandidateVerdict v = verdict("base", List.of("base", "dq"), List.of()).candidate("dq");

        assertThat(v.score().orElseThrow().total()).isCloseTo(0.4 * (0.875 + 0.95 + 0.9) / 3 + 0.6, within(1e-12));
        assertThat(v.outcome()).isEqualTo(Outcome.DISQUALIFIED);
        assertThat(v.decision().reason()).isEqualTo("disqualified: Tool calling accuracy 87.5 % < 90 % (must-have)"
                + " — score 0.963 vs baseline 0.400 (measured in this run): +140.8 %, needs +15 %");
    }

    @Test
    void aDeclaredBaselineIsUsedWhenNoResultFileExistsAndTheVerdictSaysSo() {
        // vs the declared Nemotron figures: total 0.605 (see ScorerTest); swap bar 0.69575
        ResultFixture.of("cand").quality(0.9, 0.9, 0.9, 0.9).perf(56.5, 130).vram(18).vision(true, 0.6)
                .rating("production").writeTo(dir);

        Verdict verdict = verdict(NEMOTRON, List.of("cand"), List.of());
        CandidateVerdict v = verdict.candidate("cand");

        assertThat(verdict.baseline().provenance()).isEqualTo(Provenance.DECLARED);
        assertThat(verdict.baseline().source()).isEqualTo("models/" + NEMOTRON + ".yaml declared: production figures on"
                + " Titan (DGX Spark), English-focused, 128K context configured");
        assertThat(verdict.baselineScore().orElseThrow().total()).isCloseTo(0.605, within(1e-12));
        // 0.4·0.9 + 0.25·0.5 + 0.2·1 + 0.1·0.5 + 0.05·1 = 0.785; 0.785 / 0.605 = 1.2975…
        assertThat(v.score().orElseThrow().total()).isCloseTo(0.785, within(1e-12));
        assertThat(v.outcome()).isEqualTo(Outcome.SWAP);
        assertThat(v.decision().reason()).isEqualTo("swap: score 0.785 vs baseline 0.605 (declared): +29.8 %, needs +15 %");
    }

    @Test
    void aCompleteStoredResultWinsOverTheDeclaredBlockAndAnIncompleteOneIsPassedOver(@TempDir Path stored,
                                                                                        @TempDir Path partial) {
        ResultFixture.of("cand").quality(0.9, 0.9, 0.9, 0.9).perf(56.5, 130).vram(18).vision(true, 0.6).writeTo(dir);
        ResultFixture.of(NEMOTRON).quality(0.5, 0.5, 0.5, 0.5).perf(50, 200).vram(20).vision(false, 0)
                .startedAt(Instant.parse("2026-11-01T10:00:00Z")).writeTo(stored);
        ResultFixture.of(NEMOTRON).perf(1, 1).complete(false).writeTo(partial);

        Verdict fromStored = verdict(NEMOTRON, List.of("cand"), List.of(partial, stored));

        assertThat(fromStored.baseline().provenance()).isEqualTo(Provenance.STORED);
        assertThat(fromStored.baseline().source()).isEqualTo(stored.resolve(NEMOTRON + ".json") + " of 2026-11-01T10:00:00Z");
        assertThat(fromStored.baseline().notes()).containsExactly("passed over " + partial.resolve(NEMOTRON + ".json")
                + ": incomplete (complete: false)");
        assertThat(fromStored.baselineScore().orElseThrow().total()).isCloseTo(0.4, within(1e-12));
        assertThat(fromStored.candidate("cand").decision().reason()).contains("vs baseline 0.400 (stored result, ");

        Verdict declared = verdict(NEMOTRON, List.of("cand"), List.of(partial));
        assertThat(declared.baseline().provenance()).isEqualTo(Provenance.DECLARED);
    }

    @Test
    void theBaselineRunInThisRunIsItsOwnReference() {
        base().writeTo(dir);
        Verdict verdict = verdict("base", List.of("base"), List.of());
        assertThat(verdict.baseline().provenance()).isEqualTo(Provenance.THIS_RUN);
        assertThat(verdict.candidate("base").outcome()).isEqualTo(Outcome.BASELINE);
        assertThat(verdict.candidate("base").decision().reason()).isEqualTo("is the baseline: its score 0.400 is the reference");
    }

    @Test
    void anIntervalThatContainsTheMustHaveMarksTheDecisionInconclusive() {
        base().writeTo(dir);
        ResultFixture.of("wide").quality(0.95, 0.9, 0.9, 0.9).tool(0.95, 0.62, 0.99).perf(100, 100).vram(10)
                .vision(true, 0.6, 0.23, 0.88).writeTo(dir);

        CandidateVerdict v = verdict("base", List.of("base", "wide"), List.of()).candidate("wide");

        assertThat(v.outcome()).isEqualTo(Outcome.SWAP);
        assertThat(v.decision().inconclusive()).containsExactly(
                "Tool calling accuracy 95 %: its 95 % interval 62–99 % contains the must-have 90 %",
                "vision pass rate 60 %: its 95 % interval 23–88 % contains the 50 % that V needs");
        assertThat(v.decision().reason()).endsWith("[inconclusive: Tool calling accuracy 95 %: its 95 % interval"
                + " 62–99 % contains the must-have 90 %; vision pass rate 60 %: its 95 % interval 23–88 % contains"
                + " the 50 % that V needs]");
    }

    @Test
    void aBrokenOrUnmeasuredMustHaveLeavesTheSwapNotEstablished() {
        base().writeTo(dir);
        ResultFixture.of("broken").quality(0.9, 0.9, 0.9, 0.9).perf(100, 100).vram(10)
                .requirement("vram", "broken", "", null, "VRAM: memory method unknown (nvidia-smi answered [N/A])\nmore")
                .without("licence").writeTo(dir);

        Verdict verdict = verdict("base", List.of("base", "broken", "ghost"), List.of());

        assertThat(verdict.candidate("broken").outcome()).isEqualTo(Outcome.NOT_ESTABLISHED);
        assertThat(verdict.candidate("broken").decision().review().notEstablished()).containsExactly(
                "Memory budget broken: VRAM: memory method unknown (nvidia-smi answered [N/A]) …",
                "Licence not measured (no requirements.licence in the result file)");
        assertThat(verdict.candidate("ghost").decision().reason()).isEqualTo("not established: no result file "
                + dir.resolve("ghost.json") + ": the candidate did not run, or its run ended before the first requirement");
    }

    @Test
    void noBaselineFiguresAtAllIsNamedWithTheWaysToGetThem() {
        ResultFixture.of("cand").perf(50, 100).writeTo(dir);
        Verdict verdict = verdict("gemma-4-26b-a4b", List.of("cand"), List.of());
        assertThat(verdict.baseline().provenance()).isEqualTo(Provenance.NONE);
        assertThat(verdict.candidate("cand").decision().reason()).startsWith("not established: no figures for the"
                + " baseline 'gemma-4-26b-a4b': qualify it in this run");
    }
}
