package dev.modelgate.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a test, and so its requirement, ended; written in the result file in lower case. */
public enum Status {
    PASSED, FAILED, BROKEN, SKIPPED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status written as {@code text}; {@code null} for none or one this release does not know. */
    @JsonCreator
    public static Status of(String text) {
        for (Status s : values()) {
            if (s.json().equals(text)) {
                return s;
            }
        }
        return null;
    }

    /** Passed or failed: the test concluded something about its requirement. */
    public boolean decisive() {
        return this == PASSED || this == FAILED;
    }
}
