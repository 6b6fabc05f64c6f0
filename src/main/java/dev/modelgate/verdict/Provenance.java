package dev.modelgate.verdict;

/** Where the baseline's figures come from, in the order they are looked for. */
public enum Provenance {
    /** The baseline was qualified in this run: its result file of this run. */
    THIS_RUN("measured in this run"),
    /** A complete result file of the baseline from an earlier run. */
    STORED("stored result"),
    /** The {@code declared:} block of the baseline's candidate file. */
    DECLARED("declared"),
    /** Nothing: no result file and no declared figures. */
    NONE("none");

    private final String label;

    Provenance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
