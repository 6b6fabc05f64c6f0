package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionTest {

    /** Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3. */
    @ParameterizedTest(name = "{0}/{1} -> [{2}, {3}]")
    @CsvSource({
            "81, 263, 0.2553, 0.3662",
            "15, 148, 0.0624, 0.1605",
            "0, 20, 0.0000, 0.1611",
            "1, 29, 0.0061, 0.1718"})
    void wilsonIntervalMatchesPublishedValues(int passed, int total, double low, double high) {
        Proportion.Interval ci = new Proportion(passed, total).wilson95();
        assertThat(ci.low()).isCloseTo(low, within(0.00005));
        assertThat(ci.high()).isCloseTo(high, within(0.00005));
    }

    @Test
    void sevenOfEight() {
        Proportion p = new Proportion(7, 8);
        assertThat(p.value()).isEqualTo(0.875);
        assertThat(p.wilson95().rounded()).containsExactly(0.5291, 0.9776);
    }

    @Test
    void allPassedReachesOneAndNonePassedReachesZero() {
        assertThat(new Proportion(10, 10).wilson95().high()).isEqualTo(1.0);
        assertThat(new Proportion(10, 10).wilson95().low()).isCloseTo(0.7225, within(0.00005));
        assertThat(new Proportion(0, 10).wilson95().low()).isEqualTo(0.0);
    }

    @Test
    void noCasesIsAValueOfZeroWithTheWholeRange() {
        assertThat(new Proportion(0, 0).value()).isZero();
        assertThat(new Proportion(0, 0).wilson95()).isEqualTo(new Proportion.Interval(0, 1));
    }

    @Test
    void anIntervalHoldsItsEdges() {
        Proportion.Interval ci = new Proportion(7, 8).wilson95();
        assertThat(ci.holds(0.9)).isTrue();
        assertThat(ci.holds(0.5)).isFalse();
        assertThat(new Proportion.Interval(0.9, 1).holds(0.9)).isTrue();
        assertThat(new Proportion.Interval(0.9, 1).holds(0.89)).isFalse();
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> new Proportion(9, 8)).hasMessage("passed 9 of 8 is not a proportion");
    }
}
