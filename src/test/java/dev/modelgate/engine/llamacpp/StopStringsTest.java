package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopStringsTest {

    @Test
    void passesTextThroughWithoutStopStrings() {
        StopStrings stops = new StopStrings(List.of());

        assertThat(stops.accept("Once")).isEqualTo("Once");
        assertThat(stops.accept(" upon")).isEqualTo(" upon");
        assertThat(stops.flush()).isEmpty();
    }

    @Test
    void holdsBackWhatMayStartAStopStringAndDropsTheStopString() {
        StopStrings stops = new StopStrings(List.of("THE END"));

        assertThat(stops.accept("happy. T")).isEqualTo("happy. ");
        assertThat(stops.accept("HE")).isEmpty();
        assertThat(stops.accept(" EN")).isEmpty();
        assertThat(stops.accept("D and more")).isEmpty();
        assertThat(stops.stopped()).isTrue();
        assertThat(stops.accept("ignored")).isEmpty();
        assertThat(stops.flush()).isEmpty();
    }

    @Test
    void releasesHeldTextThatTurnsOutNotToBeAStopString() {
        StopStrings stops = new StopStrings(List.of("THE END"));

        assertThat(stops.accept("THE")).isEmpty();
        assertThat(stops.accept(" cat")).isEqualTo("THE cat");
        assertThat(stops.accept(" THE E")).isEqualTo(" ");
        assertThat(stops.flush()).isEqualTo("THE E");
        assertThat(stops.stopped()).isFalse();
    }

    @Test
    void stopsAtTheEarliestOfSeveralStopStrings() {
        StopStrings stops = new StopStrings(List.of("cat", "."));

        assertThat(stops.accept("A dog. A cat")).isEqualTo("A dog");
    }
}
