package dev.modelgate.catalog.preflight;

/**
 * One declared fact that the Hub contradicts.
 *
 * @param field    the fact under {@code facts:}, e.g. {@code contextLength}
 * @param declared the value in the candidate file
 * @param hub      the value on the Hub
 * @param where    the file and field the Hub value was read from
 */
record Difference(String field, String declared, String hub, String where) {

    /** {@code facts.contextLength is 262144 in the candidate file, but the Hub has 131072 (config.json …)}. */
    @Override
    public String toString() {
        return "facts." + field + " is " + declared + " in the candidate file, but the Hub has " + hub
                + " (" + where + ")";
    }
}
