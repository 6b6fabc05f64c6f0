package dev.modelgate.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The fields the verdict reads from one entry of {@code metrics}: a point value or percentiles,
 * the counts behind them, and the 95 % interval. Other fields of the entry are kept in the file
 * and left to the report; any field may be absent.
 *
 * @param value    a proportion, mean or reading ({@code toolCallingAccuracy}, {@code vramGiB} …)
 * @param n        the number of samples or cases the figure is over
 * @param accepted for vision: whether the server accepted image input at all
 * @param method   for memory: how the reading was taken
 * @param capacity for the capacity at the SLO: the highest load found within it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricFigure(Double value, Double p50, Double p90, Double p99, Integer n, Integer passed, Integer total,
                           List<Double> ci95, Boolean accepted, String method,
                           Double capacity) {

    static final MetricFigure NONE = new MetricFigure(null, null, null, null, null, null, null, null, null, null, null);

    /** The figure's {@code field} ({@code value}, {@code p50}, {@code p90}, {@code p99} or {@code capacity}). */
    public OptionalDouble number(String field) {
        Double d = switch (field) {
            case "value" -> value;
            case "p50" -> p50;
            case "p90" -> p90;
            case "p99" -> p99;
            case "capacity" -> capacity;
            default -> throw new IllegalArgumentException("no numeric field " + field);
        };
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    /** The 95 % interval, when the entry holds one of two numbers. */
    public Interval interval() {
        return interval(ci95);
    }

    /** {@code [low, high]} as an interval; {@code null} for anything else. */
    static Interval interval(List<Double> ci95) {
        return ci95 != null && ci95.size() == 2 && ci95.get(0) != null && ci95.get(1) != null
                ? new Interval(ci95.get(0), ci95.get(1)) : null;
    }
}
