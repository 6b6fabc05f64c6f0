package dev.modelgate.testing;

import dev.modelgate.cases.QualityCases;
import java.util.List;

/**
 * The 25 quality cases the suites started with, by {@code <suite>/<id>}: tests whose expected figures
 * were worked out on them (counts, pooled F1, Wilson bounds) run on these alone through
 * {@link QualityCases#FILTER}, so that growing the built-in suites does not move their ground truth.
 */
public final class SeedCases {

    public static final List<String> IDS = List.of(
            "tool-calling/calendar-nested-start", "tool-calling/dim-kitchen-lights", "tool-calling/lights-off-and-timer",
            "tool-calling/message-number-from-earlier", "tool-calling/no-tool-general-knowledge",
            "tool-calling/no-tool-joke", "tool-calling/reminder-from-tool-result", "tool-calling/set-timer-minutes",
            "tool-calling/thermostat-half-degree", "tool-calling/weather-two-cities",
            "entities/no-places", "entities/person-named-like-a-place", "entities/team-offsite",
            "entities/two-cities-by-train",
            "kannada/kn-entities-family-trip", "kannada/kn-entities-poets", "kannada/kn-entities-school-prize",
            "kannada/kn-native-capital", "kannada/kn-native-kaveri", "kannada/kn-native-rajyotsava",
            "vision/clock-face", "vision/coloured-shapes", "vision/gate-sign", "vision/solar-bar-chart",
            "vision/train-table");

    /** The value of {@link QualityCases#FILTER} that selects them. */
    public static final String FILTER = String.join("|", IDS.stream().map(java.util.regex.Pattern::quote).toList());

    private SeedCases() {
    }
}
