package dev.modelgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void comparisonsKeepStrictAndInclusiveBoundsApart() {
        Threshold.Comparison lt = (Threshold.Comparison) Threshold.parse("< 300");
        Threshold.Comparison le = (Threshold.Comparison) Threshold.parse("<= 20");
        Threshold.Comparison gt = (Threshold.Comparison) Threshold.parse("> 0.90");

        assertThat(lt.test(299.9)).isTrue();
        assertThat(lt.test(300)).isFalse();
        assertThat(le.test(20)).isTrue();
        assertThat(le.test(20.01)).isFalse();
        assertThat(gt.test(0.9)).isFalse();
        assertThat(gt.test(0.91)).isTrue();
        assertThat(lt.describe("ms")).isEqualTo("< 300 ms");
        assertThat(lt.missSymbol()).isEqualTo("≥");
        assertThat(gt.higherIsBetter()).isTrue();
    }

    @Test
    void setsCompareCaseInsensitively() {
        Threshold.OneOf allowed = (Threshold.OneOf) Threshold.parse(List.of("Apache-2.0", "MIT"));

        assertThat(allowed.test("apache-2.0")).isTrue();
        assertThat(allowed.test("LicenseRef-NVIDIA-Open-Model-License")).isFalse();
        assertThat(allowed.test(null)).isFalse();
        assertThat(allowed.describe(null)).isEqualTo("one of Apache-2.0, MIT");
    }

    @Test
    void rulesAndNonsense() {
        assertThat(Threshold.parse("vllm-supported")).isEqualTo(new Threshold.Rule("vllm-supported"));
        assertThatThrownBy(() -> Threshold.parse("about 300"))
                .hasMessageContaining("expected a comparison such as \"< 300\"");
    }
}
