package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingOverridesTest {

    @Test
    void settingsOverrideThePlan() {
        Sampling s = SamplingOverrides.apply(Sampling.DEFAULTS, Settings.ofMap(Map.of(Settings.SAMPLES, "7",
                Settings.WARMUP, "0", Settings.CONCURRENCY, "1, 8,32")));

        assertThat(s.samples()).isEqualTo(7);
        assertThat(s.warmup()).isZero();
        assertThat(s.concurrency()).containsExactly(1, 8, 32);
        assertThat(s.maxTokens()).isEqualTo(Sampling.DEFAULTS.maxTokens());
    }

    @Test
    void timeoutsAreOverriddenInSecondsAndMustBePositive() {
        Sampling s = SamplingOverrides.apply(Sampling.DEFAULTS, Settings.ofMap(Map.of(Settings.REQUEST_TIMEOUT, "3",
                Settings.IDLE_TIMEOUT, "1.5")));

        assertThat(s.requestTimeoutSeconds()).isEqualTo(3.0);
        assertThat(s.idleTimeoutSeconds()).isEqualTo(1.5);
        assertThatThrownBy(() -> SamplingOverrides.apply(Sampling.DEFAULTS,
                Settings.ofMap(Map.of(Settings.IDLE_TIMEOUT, "0"))))
                .hasMessageContaining("modelgate.idleTimeout=0.0").hasMessageContaining("must be more than 0 seconds");
    }

    @Test
    void withoutSettingsThePlanStays() {
        assertThat(SamplingOverrides.apply(Sampling.DEFAULTS, Settings.ofMap(Map.of()))).isEqualTo(Sampling.DEFAULTS);
    }

    @Test
    void aBadLevelNamesTheSettingAndTheExpectedForm() {
        assertThatThrownBy(() -> SamplingOverrides.apply(Sampling.DEFAULTS,
                Settings.ofMap(Map.of(Settings.CONCURRENCY, "1,four"))))
                .hasMessageContaining("modelgate.concurrency=1,four")
                .hasMessageContaining("'four' is not one")
                .hasMessageContaining("e.g. 1,4,16,64");
        assertThatThrownBy(() -> SamplingOverrides.apply(Sampling.DEFAULTS, Settings.ofMap(Map.of(Settings.SAMPLES, "0"))))
                .hasMessageContaining("modelgate.samples=0 must be at least 1");
    }
}
