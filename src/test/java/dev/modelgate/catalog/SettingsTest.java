package dev.modelgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void systemPropertyWinsOverConfigurationParameter() {
        String key = "modelgate.test." + System.nanoTime();
        Settings settings = Settings.of(k -> k.equals(key) ? Optional.of("from-file") : Optional.empty());
        assertThat(settings.get(key)).contains("from-file");
        System.setProperty(key, "from-command-line");
        try {
            assertThat(settings.get(key)).contains("from-command-line");
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void blankMeansUnset() {
        Settings settings = Settings.ofMap(Map.of(Settings.MODEL, "  "));
        assertThat(settings.get(Settings.MODEL)).isEmpty();
        assertThat(settings.getInt(Settings.SAMPLES, 20)).isEqualTo(20);
    }

    @Test
    void secretsNeverPrintAndAreRedactedEverywhere() {
        Secret key = new Secret("sk-test-7f3a9c");
        assertThat(key.toString()).isEqualTo("***");
        assertThat(Secret.redact("Authorization: Bearer sk-test-7f3a9c")).isEqualTo("Authorization: Bearer ***");
        assertThat(key.reveal()).isEqualTo("sk-test-7f3a9c");
    }
}
