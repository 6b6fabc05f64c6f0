package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelgate.catalog.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statistics a quality figure stands on: the decided/undecided rule, the cases that would
 * decide a threshold, the exact McNemar test on published tables, the bootstrap interval of F1, and
 * the interval under repeats counting cases, not runs.
 */
class SuiteStatisticsTest {

    private static final Threshold.Comparison ABOVE_90 = (Threshold.Comparison) Threshold.parse("> 0.90");
    private static final Threshold.Comparison AT_LEAST_80 = (Threshold.Comparison) Threshold.parse(">= 0.80");

    @Test
    void tenOfTenDoesNotDecideAboveNinetyAndNeedsThirtyFiveCases() {
        Proportion p = new Proportion(10, 10);
        ThresholdDecision d = ThresholdDecision.of("must", "> 90 %", ABOVE_90, p.value(), p.wilson95(), 10,
                CasesNeeded.wilson());
        // [0.7225, 1] holds 0.9; at 100 % the Wilson lower bound n/(n + z²) passes 0.9 first at n = 35.
        assertThat(d.decided()).isFalse();
        assertThat(d.met()).isTrue();
        assertThat(d.casesToDecide()).hasValue(35);
        assertThat(d.moreCases()).hasValue(25);
        assertThat(d.describe()).isEqualTo("must-have > 90 %: undecided (met on the point estimate): its 95 % interval"
                + " holds the bound; 25 more cases at the observed figure would decide it (35 in all)");
    }

    @Test
    void ninetyFivePercentOfTwoHundredDecidesAboveNinety() {
        Proportion p = new Proportion(190, 200);
        assertThat(p.wilson95().low()).isCloseTo(0.9104, within(0.00005));
        ThresholdDecision d = ThresholdDecision.of("must", "> 90 %", ABOVE_90, p.value(), p.wilson95(), 200,
                CasesNeeded.wilson());
        assertThat(d.decided()).isTrue();
        assertThat(d.met()).isTrue();
        assertThat(d.moreCases()).hasValue(0);
        assertThat(d.describe()).isEqualTo("must-have > 90 %: decided (met)");
    }

    @Test
    void aClearMissIsDecidedMissed() {
        Proportion p = new Proportion(120, 200);
        ThresholdDecision d = ThresholdDecision.of("must", "> 90 %", ABOVE_90, p.value(), p.wilson95(), 200,
                CasesNeeded.wilson());
        assertThat(d.decided()).isTrue();
        assertThat(d.met()).isFalse();
    }

    @ParameterizedTest(name = "{0} observed against {1}: {2} cases")
    @CsvSource({
        "1.00, 0.90, 35",
        "0.95, 0.90, 139",
        "0.85, 0.90, 139",
        "0.93, 0.90, 385",
    })
    void casesToDecideAtTheObservedRate(double rate, double bound, long cases) {
        assertThat(CasesNeeded.wilson().casesToExclude(rate, bound, 10)).hasValue(cases);
        // One case fewer still holds the bound.
        assertThat(Proportion.wilson(rate, cases - 1, Proportion.Z95).holds(bound)).isTrue();
        assertThat(Proportion.wilson(rate, cases, Proportion.Z95).holds(bound)).isFalse();
    }

    @Test
    void aRateEqualToTheBoundIsNeverDecided() {
        assertThat(CasesNeeded.wilson().casesToExclude(0.9, 0.9, 10)).isEmpty();
        ThresholdDecision d = ThresholdDecision.of("must", "> 90 %", ABOVE_90, 0.9, new Proportion(9, 10).wilson95(), 10,
                CasesNeeded.wilson());
        assertThat(d.decided()).isFalse();
        assertThat(d.met()).isFalse();
        assertThat(d.describe()).contains("no number of cases at the observed figure would decide it");
    }

    @Test
    void aBoundOnTheIntervalsEdgeIsUndecided() {
        Threshold.Comparison atLeast = (Threshold.Comparison) Threshold.parse(">= 0.5");
        ThresholdDecision d = ThresholdDecision.of("nice", ">= 50 %", atLeast, 0.7, new Proportion.Interval(0.5, 0.85),
                20, CasesNeeded.wilson());
        assertThat(d.decided()).isFalse();
    }

    @ParameterizedTest(name = "b={0}, c={1}: p = {2}")
    @CsvSource({
        // b = 1, c = 7: the exact conditional McNemar p = 0.0703 of Fagerland, Lydersen & Laake
        // (BMC Med Res Methodol 2013) for the airway hyper-responsiveness example.
        "1, 7, 0.0703125",
        "0, 6, 0.03125",
        "2, 10, 0.03857421875",
        "5, 5, 1.0",
        "3, 4, 1.0",
        "10, 25, 0.016673847800120715",
        "40, 60, 0.05688793364098089",
        "121, 59, 4.4344492637551645e-06",
        "0, 0, 1.0",
    })
    void exactMcNemarMatchesTheTwoSidedBinomialTest(int b, int c, double p) {
        assertThat(new McNemar(b, c).pValue()).isCloseTo(p, within(p * 1e-9 + 1e-15));
    }

    @Test
    void mcNemarNamesTheDirection() {
        assertThat(new McNemar(1, 7).outcome()).isEqualTo("no significant difference");
        assertThat(new McNemar(2, 10).outcome()).isEqualTo("better");
        assertThat(new McNemar(10, 2).outcome()).isEqualTo("worse");
        assertThat(new McNemar(600, 400).pValue()).isGreaterThan(0).isLessThan(1e-9);
        // Beyond 1000 discordant cases the tail is summed in log space (scipy's binomtest gives these).
        assertThat(new McNemar(521, 480).pValue()).isCloseTo(0.206107310832953, within(1e-9));
        assertThat(new McNemar(520, 480).pValue()).isCloseTo(0.2174482932041415, within(1e-9));
    }

    @Test
    void f1IntervalIsSeededAndHoldsThePooledF1() {
        List<EntityScore> scores = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            scores.add(i % 4 == 0 ? score(4, 1, 2) : score(6, 0, 0));
        }
        Proportion.Interval first = F1Interval.of(scores);
        Proportion.Interval again = F1Interval.of(scores);
        assertThat(again).isEqualTo(first);
        double pooled = scores.stream().reduce(EntityScore.ZERO, EntityScore::plus).f1();
        assertThat(first.low()).isLessThan(pooled);
        assertThat(first.high()).isGreaterThan(pooled).isLessThanOrEqualTo(1.0);
        // Ten texts of the same mix vary more than forty: the interval is wider.
        Proportion.Interval ten = F1Interval.of(scores.subList(0, 10));
        assertThat(ten.high() - ten.low()).isGreaterThan(first.high() - first.low());
    }

    @Test
    void f1OfPerfectTextsFallsBackToTheWilsonIntervalOfPerfectTexts() {
        List<EntityScore> perfect = List.of(score(3, 0, 0), score(5, 0, 0), score(2, 0, 0), score(0, 0, 0));
        assertThat(F1Interval.of(perfect)).isEqualTo(new Proportion(4, 4).wilson95());
    }

    @Test
    void scalingEstimateShrinksTheIntervalAsOneOverRootN() {
        // F1 0.85 with interval [0.78, 0.90] on 40 texts against >= 0.80: the lower reach 0.07 must fall
        // under the gap 0.05, so n·(0.07/0.05)² = 78.4 → 79 texts.
        OptionalLong n = CasesNeeded.scaling(new Proportion.Interval(0.78, 0.90)).casesToExclude(0.85, 0.80, 40);
        assertThat(n).hasValue(79);
        ThresholdDecision d = ThresholdDecision.of("must", ">= 80 %", AT_LEAST_80, 0.85,
                new Proportion.Interval(0.78, 0.90), 40, CasesNeeded.scaling(new Proportion.Interval(0.78, 0.90)));
        assertThat(d.moreCases()).hasValue(39);
    }

    @Test
    void repeatsCountCasesNotRunsInTheInterval() {
        // 10 cases × 3 runs: 27 of 30 runs passed. The interval is that of 90 % over 10 cases, not 30.
        List<CaseOutcome> runs = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            for (int r = 0; r < 3; r++) {
                boolean pass = !(c < 3 && r == 0);
                runs.add(outcome("case-" + c, pass));
            }
        }
        SuiteOutcome s = new SuiteOutcome(runs, 3);
        assertThat(s.cases()).isEqualTo(10);
        assertThat(s.accuracy().value()).isCloseTo(0.9, within(1e-12));
        assertThat(s.interval()).isEqualTo(new Proportion(9, 10).wilson95());
        assertThat(s.consistency()).isEqualTo(new Proportion(7, 10));
    }

    @Test
    void ledgerPairsARepeatedCaseByItsMajority() {
        List<CaseOutcome> runs = List.of(outcome("a", true), outcome("a", false), outcome("a", true),
                outcome("b", false), outcome("b", false), outcome("b", true));
        var ledger = CaseLedger.of(new SuiteOutcome(runs, 3), List.of(info("a"), info("b")), java.util.Map.of());
        @SuppressWarnings("unchecked")
        var outcomes = (java.util.Map<String, java.util.Map<String, Object>>) ledger.get("outcomes");
        assertThat(outcomes.get("a")).containsEntry("passed", true).containsEntry("passes", 2).containsEntry("runs", 3)
                .containsEntry("status", "failed");
        assertThat(outcomes.get("b")).containsEntry("passed", false).containsEntry("passes", 1);
        assertThat(ledger).containsEntry("cases", 2).containsEntry("repeats", 3);
    }

    private static CaseInfo info(String id) {
        return new CaseInfo(id, null, List.of(), List.of());
    }

    private static CaseOutcome outcome(String id, boolean passed) {
        return new CaseOutcome(id, passed ? CaseOutcome.Status.PASSED : CaseOutcome.Status.FAILED,
                passed ? "passed" : "wrong call", List.of(), "{}", "{}", Optional.empty(), List.of());
    }

    private static EntityScore score(int tp, int fp, int fn) {
        return new EntityScore(tp, fp, fn, List.of(), List.of());
    }
}
