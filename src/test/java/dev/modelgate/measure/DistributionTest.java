package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void aKnownDistributionGivesNearestRankPercentiles() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            values.add((double) i);
        }
        Collections.shuffle(values, new Random(7));

        Distribution d = Distribution.of(values);

        assertThat(d.count()).isEqualTo(100);
        assertThat(d.percentile(50)).isCloseTo(50, within(0.01));
        assertThat(d.percentile(90)).isCloseTo(90, within(0.01));
        assertThat(d.percentile(99)).isCloseTo(99, within(0.01));
        assertThat(d.summary(50, 90, 99)).containsExactly(
                org.assertj.core.api.Assertions.entry("p50", 50.0), org.assertj.core.api.Assertions.entry("p90", 90.0),
                org.assertj.core.api.Assertions.entry("p99", 99.0), org.assertj.core.api.Assertions.entry("n", 100));
    }

    @Test
    void twentySamplesOfMillisecondsKeepTheirPrecision() {
        Distribution d = new Distribution();
        for (int i = 0; i < 20; i++) {
            d.record(250.0 + i * 0.05);
        }
        // Nearest rank: the 10th smallest of 20 is 250.45; four significant digits keep it within 0.03 ms.
        assertThat(d.percentile(50)).isCloseTo(250.45, within(0.03));
    }

    @Test
    void anEmptyDistributionReportsOnlyItsCount() {
        assertThat(new Distribution().summary(50, 90)).containsOnlyKeys("n").containsEntry("n", 0);
        assertThat(new Distribution().percentile(50)).isNaN();
    }

    @Test
    void negativeOrNonFiniteValuesAreRefused() {
        assertThatThrownBy(() -> new Distribution().record(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new Distribution().record(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
