package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an argument of an expected tool call must be. Strings are compared after the case's
 * {@link TextNormalization}; numbers by value. Types are checked separately against the tool's
 * declared parameter types ({@link ParameterSchema}): strict, except that an integer is a number.
 */
sealed interface ArgumentMatcher {

    /** Why {@code actual} does not match, or empty when it does. */
    Optional<String> mismatch(JsonNode actual, TextNormalization normalization);

    /** The expectation in words, for verdicts. */
    String describe();

    /** Equal to a JSON value (a scalar, an array or an object). */
    record Exact(JsonNode value) implements ArgumentMatcher {
        @Override
        public Optional<String> mismatch(JsonNode actual, TextNormalization normalization) {
            return JsonValues.compare(value, actual, normalization);
        }

        @Override
        public String describe() {
            return JsonValues.show(value);
        }
    }

    /** A string equal to {@code value} ignoring case. */
    record IgnoreCase(String value) implements ArgumentMatcher {
        @Override
        public Optional<String> mismatch(JsonNode actual, TextNormalization normalization) {
            if (!actual.isTextual()) {
                return Optional.of("expected a string like \"" + value + "\", got " + JsonValues.show(actual)
                        + " (" + JsonValues.kind(actual) + ")");
            }
            TextNormalization n = normalization.ignoringCase();
            return n.apply(value).equals(n.apply(actual.asText())) ? Optional.empty()
                    : Optional.of("expected \"" + value + "\" (any case), got " + JsonValues.show(actual));
        }

        @Override
        public String describe() {
            return "\"" + value + "\" (any case)";
        }
    }

    /** Equal to one of the listed values. */
    record OneOf(List<JsonNode> values) implements ArgumentMatcher {
        public OneOf {
            values = List.copyOf(values);
        }

        @Override
        public Optional<String> mismatch(JsonNode actual, TextNormalization normalization) {
            for (JsonNode v : values) {
                if (JsonValues.compare(v, actual, normalization).isEmpty()) {
                    return Optional.empty();
                }
            }
            return Optional.of("expected " + describe() + ", got " + JsonValues.show(actual));
        }

        @Override
        public String describe() {
            return "one of " + values.stream().map(JsonValues::show).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /**
     * A string that the pattern matches whole, after normalisation; the pattern ignores case when
     * the case's normalisation does.
     */
    record Regex(Pattern pattern) implements ArgumentMatcher {
        @Override
        public Optional<String> mismatch(JsonNode actual, TextNormalization normalization) {
            if (!actual.isTextual()) {
                return Optional.of("expected a string matching /" + pattern.pattern() + "/, got "
                        + JsonValues.show(actual) + " (" + JsonValues.kind(actual) + ")");
            }
            return pattern.matcher(normalization.apply(actual.asText())).matches() ? Optional.empty()
                    : Optional.of("expected a string matching /" + pattern.pattern() + "/, got "
                    + JsonValues.show(actual));
        }

        @Override
        public String describe() {
            return "/" + pattern.pattern() + "/";
        }
    }

    /** A JSON number within {@code tolerance} of {@code value} (inclusive). */
    record Numeric(BigDecimal value, BigDecimal tolerance) implements ArgumentMatcher {
        @Override
        public Optional<String> mismatch(JsonNode actual, TextNormalization normalization) {
            if (!actual.isNumber()) {
                return Optional.of("expected a number " + describe() + ", got " + JsonValues.show(actual) + " ("
                        + JsonValues.kind(actual) + ")");
            }
            BigDecimal distance = actual.decimalValue().subtract(value).abs();
            return distance.compareTo(tolerance) <= 0 ? Optional.empty()
                    : Optional.of("expected " + describe() + ", got " + JsonValues.show(actual));
        }

        @Override
        public String describe() {
            return tolerance.signum() == 0 ? value.toPlainString()
                    : value.toPlainString() + " ± " + tolerance.toPlainString();
        }
    }

    /**
     * One of the possible answers of a Berkeley Function Calling Leaderboard case, compared by that
     * leaderboard's rules for the parameter's declared type ({@link BfclValues}); the case's own
     * normalisation does not apply.
     */
    record PossibleValues(List<JsonNode> values, BfclValues.Shape shape) implements ArgumentMatcher {
        public PossibleValues {
            values = List.copyOf(values);
        }

        @Override
        public Optional<String> mismatch(JsonNode actual, TextNormalization normalization) {
            return BfclValues.mismatch(shape, values, actual);
        }

        @Override
        public String describe() {
            return "one of " + BfclValues.show(values.stream().filter(v -> !(v.isTextual() && v.asText().isEmpty()))
                    .toList());
        }
    }

    /** Any value (an optional argument that is only required to be well-typed when present). */
    record AnyValue() implements ArgumentMatcher {
        @Override
        public Optional<String> mismatch(JsonNode actual, TextNormalization normalization) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "any value";
        }
    }

    /**
     * An object whose fields match their own rules; a field that is not listed is an error unless
     * {@code allowExtra}. The arguments of a call are graded as one such object.
     */
    record Fields(Map<String, ArgumentRule> fields, boolean allowExtra) implements ArgumentMatcher {
        public Fields {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        @Override
        public Optional<String> mismatch(JsonNode actual, TextNormalization normalization) {
            List<String> reasons = mismatches(actual, normalization, "", "field", java.util.Set.of());
            return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
        }

        /**
         * Every reason why {@code actual} does not match.
         *
         * @param path prefix for names in messages ({@code "start."} for a nested object)
         * @param noun what a member is called in messages: {@code argument} or {@code field}
         * @param explained members already reported as wrong (e.g. of the wrong type), not matched again
         */
        List<String> mismatches(JsonNode actual, TextNormalization normalization, String path, String noun,
                                java.util.Set<String> explained) {
            List<String> reasons = new ArrayList<>();
            if (!actual.isObject()) {
                reasons.add((path.isEmpty() ? "" : path.substring(0, path.length() - 1) + ": ")
                        + "expected an object, got " + JsonValues.show(actual) + " (" + JsonValues.kind(actual) + ")");
                return reasons;
            }
            fields.forEach((name, rule) -> {
                JsonNode value = actual.get(name);
                if (explained.contains(name)) {
                    return;
                }
                if (value == null) {
                    if (!rule.optional()) {
                        reasons.add("missing required " + noun + " '" + path + name + "'");
                    }
                    return;
                }
                if (rule.matcher() instanceof Fields nested) {
                    reasons.addAll(nested.mismatches(value, normalization, path + name + ".", "field", java.util.Set.of()));
                } else {
                    rule.matcher().mismatch(value, normalization).ifPresent(r -> reasons.add(path + name + ": " + r));
                }
            });
            if (!allowExtra) {
                for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (!fields.containsKey(name)) {
                        reasons.add("unexpected " + noun + " '" + path + name + "' = "
                                + JsonValues.show(actual.get(name)));
                    }
                }
            }
            return reasons;
        }

        @Override
        public String describe() {
            return fields.entrySet().stream().map(e -> e.getKey() + (e.getValue().optional() ? "?" : "") + ": "
                    + e.getValue().matcher().describe()).collect(Collectors.joining(", ", "{", "}"));
        }
    }
}
