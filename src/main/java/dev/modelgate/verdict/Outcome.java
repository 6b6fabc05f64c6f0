package dev.modelgate.verdict;

/** What the verdict says about one candidate. */
public enum Outcome {
    /** Every must-have passed and the total beats the baseline by the swap threshold. */
    SWAP("swap"),
    /** Every must-have passed, but the total falls short of the swap threshold. */
    NO_SWAP("no swap"),
    /** A must-have was missed: no score can make up for it. */
    DISQUALIFIED("disqualified"),
    /** A must-have could not be judged (broken, skipped, not measured), or there is no result or baseline. */
    NOT_ESTABLISHED("not established"),
    /** The candidate is the baseline itself: the reference, nothing to decide. */
    BASELINE("baseline");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
