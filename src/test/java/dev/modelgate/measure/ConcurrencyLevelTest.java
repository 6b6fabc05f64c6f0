package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConcurrencyLevelTest {

    private static final long MS = 1_000_000;

    private static Sample sample(long sentMs, long doneMs, int tokens) {
        return new Sample("c", 0, sentMs * MS, doneMs * MS, OptionalDouble.of(10), 1, doneMs - sentMs, tokens,
                OptionalInt.of(tokens), OptionalDouble.of(50), List.of(), UsageCheck.OK, "length", 0, OptionalDouble.of(10),
                OptionalDouble.empty(), OptionalInt.empty(), List.of(), false);
    }

    @Test
    void thePeakCountsRequestsOnTheWireAtOnce() {
        List<Sample> samples = List.of(sample(0, 100, 10), sample(10, 50, 10), sample(20, 30, 10), sample(60, 90, 10));

        assertThat(ConcurrencyLevel.peak(samples)).isEqualTo(3);
    }

    @Test
    void oneRequestEndingAsTheNextStartsIsNotTwoInFlight() {
        assertThat(ConcurrencyLevel.peak(List.of(sample(0, 100, 1), sample(100, 200, 1)))).isEqualTo(1);
    }

    @Test
    void throughputIsTokensOverTheWallSpan() {
        ConcurrencyLevel level = ConcurrencyLevel.of(2, List.of(sample(0, 1000, 40), sample(500, 2000, 60)), 0, null,
                null);

        assertThat(level.outputTokensPerSecond()).isCloseTo(50.0, within(1e-9));
        assertThat(level.observedPeak()).isEqualTo(2);
        assertThat(level.clientBottleneck()).isFalse();
    }

    @Test
    void aPeakBelowTheTargetIsReportedAsAClientBottleneck() {
        ConcurrencyLevel level = ConcurrencyLevel.of(4, List.of(sample(0, 10, 1), sample(10, 20, 1), sample(20, 30, 1),
                sample(30, 40, 1)), 0, null, null);

        assertThat(level.clientBottleneck()).isTrue();
        assertThat(level.describe()).contains("observed peak 1 < target 4: the client was the bottleneck");
        assertThat(level.toMetric()).containsEntry("clientBottleneck", true).containsEntry("observedPeak", 1);
    }
}
