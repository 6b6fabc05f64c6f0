package dev.modelgate.catalog;

/**
 * Figures declared for a candidate (typically the production baseline), used when it is not
 * measured in this build. {@code null} means not declared.
 *
 * @param decodeTokensPerSecond a single figure or a range such as {@code [48, 65]}
 * @param source where the figures come from (a dashboard, a report, a date)
 */
public record Declared(
        Double vramGiB,
        Range decodeTokensPerSecond,
        Double ttftMs,
        Double toolCallingAccuracy,
        Double entityF1,
        Double kannadaScore,
        Boolean vision,
        Integer contextTokens,
        String source) {

    public static final Declared NONE = new Declared(null, null, null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }
}
