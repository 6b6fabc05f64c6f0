package dev.modelgate.verdict;

import java.util.Locale;

/** What fails the build ({@code modelgate.gate}). */
public enum Gate {
    /** Must-have misses fail the build; "no swap" is reported, not failed. The default. */
    MUST,
    /** Must-have misses fail, and so does every candidate the verdict does not recommend. */
    SWAP;

    public static Gate of(String value) {
        if (value == null || value.isBlank()) {
            return MUST;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "must" -> MUST;
            case "swap" -> SWAP;
            default -> throw new IllegalArgumentException("Configuration error: modelgate.gate=" + value
                    + " is not a gate; use must (fail on must-have misses) or swap (also fail when no swap is"
                    + " recommended)");
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
