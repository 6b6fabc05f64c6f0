package dev.modelgate.verdict;

/** A closed interval, such as the 95 % Wilson interval of an accuracy. */
public record Interval(double low, double high) {

    /** Whether {@code x} lies inside, bounds included: a threshold there is not decided by the data. */
    public boolean contains(double x) {
        return low <= x && x <= high;
    }

    @Override
    public String toString() {
        return Format.num(low) + "–" + Format.num(high);
    }
}
