package dev.modelgate.verdict;

import java.util.Optional;

/**
 * One input of the score: its value, where it was read (a JSON path in a result file, a field of
 * a {@code declared:} block, or why it is missing), and its 95 % interval when the measurement has one.
 *
 * @param value {@code null} when the figure is missing; {@code source} then says why
 */
public record Figure(String name, Double value, String source, Interval ci95) {

    public static Figure of(String name, double value, String source) {
        return new Figure(name, value, source, null);
    }

    public static Figure missing(String name, String why) {
        return new Figure(name, null, why, null);
    }

    public boolean present() {
        return value != null && !value.isNaN();
    }

    public Optional<Interval> interval() {
        return Optional.ofNullable(ci95);
    }

    @Override
    public String toString() {
        return name + " " + (present() ? Format.num(value) : "missing") + " (" + source + ")";
    }
}
