package dev.modelgate.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One side (must-have or nice-to-have) of a requirement: a numeric comparison such as
 * {@code "< 300"}, a set of allowed values such as {@code [Apache-2.0, MIT]}, or a named rule
 * such as {@code vllm-supported}.
 */
public sealed interface Threshold {

    /** A text for messages: {@code "< 300 ms"}, {@code "one of Apache-2.0, MIT"}. */
    String describe(String unit);

    /** Parses the YAML form; throws {@link IllegalArgumentException} with the expected form. */
    static Threshold parse(Object yaml) {
        if (yaml instanceof List<?> list) {
            return new OneOf(list.stream().map(String::valueOf).toList());
        }
        if (yaml instanceof Boolean b) {
            return new Comparison(Comparison.Op.EQ, b ? 1 : 0);
        }
        String text = String.valueOf(yaml).trim();
        Matcher m = Comparison.FORM.matcher(text);
        if (m.matches()) {
            return new Comparison(Comparison.Op.of(m.group(1)), Double.parseDouble(m.group(2)));
        }
        if (text.matches("[a-z][a-z0-9-]*")) {
            return new Rule(text);
        }
        throw new IllegalArgumentException("expected a comparison such as \"< 300\" or \">= 0.9\", a list of allowed"
                + " values, or a rule name; got \"" + text + "\"");
    }

    /** A numeric comparison: the measured value must satisfy {@code value op bound}. */
    record Comparison(Op op, double bound) implements Threshold {

        static final Pattern FORM = Pattern.compile("(<=|>=|<|>|==|≤|≥)\\s*(-?[0-9]+(?:\\.[0-9]+)?)");

        public boolean test(double value) {
            return switch (op) {
                case LT -> value < bound;
                case LE -> value <= bound;
                case GT -> value > bound;
                case GE -> value >= bound;
                case EQ -> value == bound;
            };
        }

        /** Whether larger values are better under this comparison. */
        public boolean higherIsBetter() {
            return op == Op.GT || op == Op.GE;
        }

        @Override
        public String describe(String unit) {
            return op.symbol + " " + Numbers.format(bound) + unitSuffix(unit);
        }

        /** The operator that states a miss: a value that fails {@code < 300} is {@code >= 300}. */
        public String missSymbol() {
            return switch (op) {
                case LT -> "≥";
                case LE -> ">";
                case GT -> "≤";
                case GE -> "<";
                case EQ -> "≠";
            };
        }

        static String unitSuffix(String unit) {
            if (unit == null || unit.isBlank() || unit.equals("ratio") || unit.equals("flag")) {
                return "";
            }
            return unit.equals("%") ? "%" : " " + unit;
        }

        /** Comparison operators. */
        public enum Op {
            LT("<"), LE("≤"), GT(">"), GE("≥"), EQ("=");

            final String symbol;

            Op(String symbol) {
                this.symbol = symbol;
            }

            public String symbol() {
                return symbol;
            }

            static Op of(String s) {
                return switch (s) {
                    case "<" -> LT;
                    case "<=", "≤" -> LE;
                    case ">" -> GT;
                    case ">=", "≥" -> GE;
                    default -> EQ;
                };
            }
        }
    }

    /** The value must be one of a set, compared case-insensitively. */
    record OneOf(List<String> values) implements Threshold {

        public boolean test(String value) {
            if (value == null) {
                return false;
            }
            String v = value.toLowerCase(Locale.ROOT);
            return values.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(v));
        }

        @Override
        public String describe(String unit) {
            return values.size() == 1 ? values.get(0) : "one of " + String.join(", ", values);
        }
    }

    /** A named rule whose meaning lives in code (e.g. {@code vllm-supported}, {@code moe}). */
    record Rule(String name) implements Threshold {
        @Override
        public String describe(String unit) {
            return name;
        }
    }
}
