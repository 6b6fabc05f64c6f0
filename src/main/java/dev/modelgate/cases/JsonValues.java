package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Compares JSON values the way tool calls are graded: a string equals only a string (after the
 * case's normalisation), a number only a number, by value ({@code 21} equals {@code 21.0}). Whether a
 * float may stand for an integer is the tool's declared type's business: {@link ParameterSchema}
 * rejects {@code 30.0} for an {@code integer} parameter and accepts {@code 30} for a {@code number}.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** Why {@code actual} does not equal {@code expected}, or empty when it does. */
    static Optional<String> compare(JsonNode expected, JsonNode actual, TextNormalization normalization) {
        if (expected.isTextual()) {
            if (!actual.isTextual()) {
                return mismatch(expected, actual);
            }
            return normalization.apply(expected.asText()).equals(normalization.apply(actual.asText()))
                    ? Optional.empty() : mismatch(expected, actual);
        }
        if (expected.isNumber()) {
            if (!actual.isNumber()) {
                return mismatch(expected, actual);
            }
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? Optional.empty()
                    : mismatch(expected, actual);
        }
        if (expected.isArray()) {
            if (!actual.isArray()) {
                return mismatch(expected, actual);
            }
            if (expected.size() != actual.size()) {
                return Optional.of("expected " + expected.size() + " items " + show(expected) + ", got "
                        + actual.size() + " " + show(actual));
            }
            for (int i = 0; i < expected.size(); i++) {
                Optional<String> item = compare(expected.get(i), actual.get(i), normalization);
                if (item.isPresent()) {
                    return Optional.of("[" + i + "]: " + item.get());
                }
            }
            return Optional.empty();
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return mismatch(expected, actual);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = actual.get(field.getKey());
                if (value == null) {
                    return Optional.of("missing field '" + field.getKey() + "'");
                }
                Optional<String> inner = compare(field.getValue(), value, normalization);
                if (inner.isPresent()) {
                    return Optional.of(field.getKey() + ": " + inner.get());
                }
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    return Optional.of("unexpected field '" + name + "'");
                }
            }
            return Optional.empty();
        }
        return expected.equals(actual) ? Optional.empty() : mismatch(expected, actual);
    }

    /** The JSON kind of a value as the schema names it: string, integer, number, boolean, array, object, null. */
    static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isObject()) {
            return "object";
        }
        return "null";
    }

    /** Whether {@code value} is of the schema type {@code type}; an integer is also a number. */
    static boolean isOfType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    /** Compact JSON text of a value, shortened when long. */
    static String show(JsonNode value) {
        String text = value.toString();
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    private static Optional<String> mismatch(JsonNode expected, JsonNode actual) {
        String kinds = kind(expected).equals(kind(actual)) ? "" : " (" + kind(actual) + ", not " + kind(expected) + ")";
        return Optional.of("expected " + show(expected) + ", got " + show(actual) + kinds);
    }
}
