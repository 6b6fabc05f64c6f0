package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ArrivalSchedule}: the rate and the shape of the arrivals, and that a seed repeats them. */
class ArrivalScheduleTest {

    @Test
    void poissonArrivalsHaveTheMeanRateAndExponentialGaps() {
        int n = 20_000;
        double rate = 50;
        long[] at = ArrivalSchedule.offsetsNanos(LoadProfile.poisson(rate, n, 42));
        assertThat(at).hasSize(n);
        double meanGapMs = at[n - 1] / 1e6 / (n - 1);
        // the mean of 20,000 exponential gaps has a relative standard error of 0.7 %: 3 % is over four of them
        assertThat(meanGapMs).as("mean gap ms").isCloseTo(1000 / rate, within(0.03 * 1000 / rate));
        int longerThanMean = 0;
        int underTenthOfMean = 0;
        for (int i = 1; i < n; i++) {
            double gap = (at[i] - at[i - 1]) / 1e6;
            longerThanMean += gap > 1000 / rate ? 1 : 0;
            underTenthOfMean += gap < 100 / rate ? 1 : 0;
        }
        assertThat(longerThanMean / (double) (n - 1)).as("P(gap > mean) = e^-1").isCloseTo(Math.exp(-1), within(0.015));
        assertThat(underTenthOfMean / (double) (n - 1)).as("P(gap < mean/10) = 1 − e^-0.1")
                .isCloseTo(1 - Math.exp(-0.1), within(0.01));
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        assertThat(ArrivalSchedule.offsetsNanos(LoadProfile.poisson(10, 100, 7)))
                .containsExactly(ArrivalSchedule.offsetsNanos(LoadProfile.poisson(10, 100, 7)));
        assertThat(ArrivalSchedule.offsetsNanos(LoadProfile.poisson(10, 100, 7)))
                .isNotEqualTo(ArrivalSchedule.offsetsNanos(LoadProfile.poisson(10, 100, 8)));
    }

    @Test
    void aConstantRateIsEvenlySpacedAndADurationBoundsIt() {
        long[] at = ArrivalSchedule.offsetsNanos(LoadProfile.constantRate(4, 1).forDuration(Duration.ofSeconds(2)));
        assertThat(at).containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L, 1_000_000_000L, 1_250_000_000L,
                1_500_000_000L, 1_750_000_000L);
        long[] poisson = ArrivalSchedule.offsetsNanos(LoadProfile.poisson(200, 1, 3).forDuration(Duration.ofSeconds(10)));
        assertThat(poisson[poisson.length - 1]).isLessThan(10_000_000_000L);
        assertThat(poisson.length).as("about 2,000 in 10 s at 200/s (sd 45)").isBetween(1_800, 2_200);
    }

    @Test
    void aProfileRunsForACountOrADurationNotBoth() {
        assertThatThrownBy(() -> new LoadProfile(LoadProfile.Kind.POISSON, 5, 10, Duration.ofSeconds(1), null, null, 1))
                .hasMessageContaining("set exactly one");
        assertThatThrownBy(() -> LoadProfile.concurrency(0, 10)).hasMessageContaining("whole number >= 1");
        assertThatThrownBy(() -> ArrivalSchedule.offsetsNanos(LoadProfile.concurrency(4, 10)))
                .hasMessageContaining("closed-loop");
    }
}
