package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the Berkeley Function Calling Leaderboard compares an argument with its possible answers
 * (its AST checker, re-stated here):
 * <ul>
 *   <li>strings are <em>standardised</em> before they are compared: spaces and the characters
 *       {@code , . / - _ * ^} removed, lower-cased, single quotes read as double quotes;</li>
 *   <li>a list equals a possible list item by item, in order, its string items standardised;</li>
 *   <li>an object matches a possible object when each of its keys is a key there with a value among
 *       that key's possible values (strings standardised), and each key it leaves out has
 *       {@code ""} among its possible values; a list of objects matches item by item;</li>
 *   <li>anything else (numbers, booleans) equals a possible value, numbers by value ({@code 3}
 *       equals {@code 3.0}).</li>
 * </ul>
 * Which rule applies follows the type the function declares for the parameter ({@link Shape}).
 */
final class BfclValues {

    private static final Pattern IGNORED = Pattern.compile("[ ,./\\-_*^]");

    /** Which comparison a parameter's declared type calls for. */
    enum Shape { TEXT, LIST, LIST_OF_OBJECTS, OBJECT, VALUE }

    private BfclValues() {
    }

    /** A string as the leaderboard compares it. */
    static String standardise(String s) {
        return IGNORED.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace('\'', '"');
    }

    /** Why {@code actual} is none of {@code possible}, or empty when it is one of them. */
    static Optional<String> mismatch(Shape shape, List<JsonNode> possible, JsonNode actual) {
        boolean matched = switch (shape) {
            case TEXT -> actual.isTextual() && possible.stream().anyMatch(p -> p.isTextual()
                    && standardise(p.asText()).equals(standardise(actual.asText())));
            case LIST -> actual.isArray() && possible.stream().anyMatch(p -> p.isArray()
                    && equal(standardiseItems(p), standardiseItems(actual)));
            case LIST_OF_OBJECTS -> actual.isArray() && possible.stream().anyMatch(p -> objectsMatch(p, actual));
            case OBJECT -> actual.isObject() && objectMatches(possible, actual);
            case VALUE -> possible.stream().anyMatch(p -> equal(p, actual));
        };
        if (matched) {
            return Optional.empty();
        }
        String how = shape == Shape.VALUE ? "" : " (compared the leaderboard's way: strings lower-cased, without"
                + " spaces and , . / - _ * ^)";
        return Optional.of("expected one of " + show(possible) + how + ", got " + JsonValues.show(actual));
    }

    /** Equality as the leaderboard's checker sees it: numbers by value, lists in order, objects by keys. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!b.has(k) || !equal(a.get(k), b.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean objectsMatch(JsonNode possibleList, JsonNode actual) {
        if (!possibleList.isArray() || possibleList.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!actual.get(i).isObject() || !objectMatches(List.of(possibleList.get(i)), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean objectMatches(List<JsonNode> possible, JsonNode actual) {
        for (JsonNode candidate : possible) {
            if (candidate.isObject() && objectMatches(candidate, actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean objectMatches(JsonNode candidate, JsonNode actual) {
        for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!candidate.has(key)) {
                return false;
            }
            JsonNode value = standardiseIfText(actual.get(key));
            boolean any = false;
            for (JsonNode p : alternatives(candidate.get(key))) {
                any |= equal(standardiseIfText(p), value);
            }
            if (!any) {
                return false;
            }
        }
        for (Iterator<String> it = candidate.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!actual.has(key) && !isOptional(alternatives(candidate.get(key)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a parameter's possible values allow leaving it out: {@code ""} is among them. */
    static boolean isOptional(List<JsonNode> possible) {
        return possible.stream().anyMatch(p -> p.isTextual() && p.asText().isEmpty());
    }

    /** The possible values of a parameter (a JSON array; a lone value is taken as the only one). */
    static List<JsonNode> alternatives(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    private static JsonNode standardiseItems(JsonNode list) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        list.forEach(item -> out.add(standardiseIfText(item)));
        return out;
    }

    private static JsonNode standardiseIfText(JsonNode node) {
        return node.isTextual() ? TextNode.valueOf(standardise(node.asText())) : node;
    }

    static String show(List<JsonNode> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return JsonValues.show(array);
    }
}
