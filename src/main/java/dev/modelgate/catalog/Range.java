package dev.modelgate.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/** A declared figure: one value, or a range whose midpoint stands for it. */
public record Range(double low, double high) {

    @JsonCreator
    static Range of(JsonNode node) {
        if (node.isNumber()) {
            return new Range(node.doubleValue(), node.doubleValue());
        }
        if (node.isArray() && node.size() == 2) {
            return new Range(node.get(0).doubleValue(), node.get(1).doubleValue());
        }
        throw new IllegalArgumentException("expected a number or [low, high], got " + node);
    }

    public double midpoint() {
        return (low + high) / 2;
    }

    @Override
    public String toString() {
        return low == high ? format(low) : format(low) + "–" + format(high);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
