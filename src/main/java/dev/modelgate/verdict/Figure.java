package dev.modelgate.verdict;

import java.util.Optional;

/**
 * One input of the score: its value, where it was read (a JSON path in a result file, a field of
 * a {@code declared:} block, or why it is missing), and the interval around it when there is one.
 *
 * @param value    {@code null} when the figure is missing; {@code source} then says why
 * @param interval the measurement's 95 % interval ({@code ci95}), or the declared range whose
 *                 midpoint the value is ({@code declared}); {@code null} when neither exists
 * @param declared whether {@code interval} is a declared range rather than a confidence interval
 */
public record Figure(String name, Double value, String source, Interval interval, boolean declared) {

    public static Figure of(String name, double value, String source) {
        return new Figure(name, value, source, null, false);
    }

    public static Figure measured(String name, double value, String source, Interval ci95) {
        return new Figure(name, value, source, ci95, false);
    }

    public static Figure midpoint(String name, double low, double high, String source) {
        return new Figure(name, (low + high) / 2, source, new Interval(low, high), true);
    }

    public static Figure missing(String name, String why) {
        return new Figure(name, null, why, null, false);
    }

    public boolean present() {
        return value != null && !value.isNaN();
    }

    /** The 95 % confidence interval of a measured figure; empty for declared ranges. */
    public Optional<Interval> ci95() {
        return declared ? Optional.empty() : Optional.ofNullable(interval);
    }

    /** The interval whatever its kind (for whiskers in charts). */
    public Optional<Interval> range() {
        return Optional.ofNullable(interval);
    }

    @Override
    public String toString() {
        return name + " " + (present() ? Format.num(value) : "missing") + " (" + source + ")";
    }
}
