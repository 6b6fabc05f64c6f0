package dev.modelgate.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which threshold a judged figure meets: the nice-to-have, only the must-have, or neither. */
public enum Level {
    MUST, NICE, NONE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level written as {@code text}; {@code null} for none or one this release does not know. */
    @JsonCreator
    public static Level of(String text) {
        for (Level l : values()) {
            if (l.json().equals(text)) {
                return l;
            }
        }
        return null;
    }
}
