package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.YamlDocuments;
import dev.modelgate.client.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Grades the tool calls of one answer against a case, the way the Berkeley Function Calling
 * Leaderboard's AST checker does: function name exact; every required argument present; no
 * argument the case does not list unless it allows extras; types as the tool declares them,
 * strict except integer for number; allowed values; strings after the case's normalisation; the
 * right number of calls, matched in any order by a proper assignment.
 *
 * <p>An answer whose calls cannot be parsed (arguments that are not a JSON object, a call without
 * a name, or tool-call markup left in the text) is wrong and graded {@code UNPARSED}; it is never
 * taken for a correct "no call".
 */
final class ToolCallGrader {

    private static final List<String> CALL_MARKUP = List.of("<tool_call>", "[TOOL_CALLS]", "<|tool_call",
            "<function=", "<|python_tag|>", "<start_function_call>", "<|tool▁call");

    private ToolCallGrader() {
    }

    /** Grades {@code calls} (and, for unparsed markup, {@code content}) against {@code c}. */
    public static ToolCallVerdict grade(ToolCallingCase c, String content, List<ToolCall> calls) {
        List<String> unparsed = new ArrayList<>();
        List<JsonNode> arguments = new ArrayList<>();
        for (ToolCall call : calls) {
            String label = "call " + (call.name() == null || call.name().isBlank() ? "#" + call.index() : call.name());
            if (call.name() == null || call.name().isBlank()) {
                unparsed.add(label + " has no function name");
            }
            parseArguments(call.arguments()).ifPresentOrElse(arguments::add, () -> {
                unparsed.add(label + ": arguments are not a JSON object: " + abbreviate(call.arguments()));
                arguments.add(null);
            });
        }
        if (calls.isEmpty()) {
            markupInText(content, c.toolNames()).ifPresent(m -> unparsed.add(
                    "no tool_calls, but the text holds what looks like a call (" + m + "); the server's tool"
                            + " parser did not turn it into a call: " + abbreviate(content)));
        }
        if (!unparsed.isEmpty()) {
            return ToolCallVerdict.unparsed(unparsed);
        }
        if (c.expectsNoCall()) {
            return calls.isEmpty() ? ToolCallVerdict.pass()
                    : ToolCallVerdict.fail(List.of("no tool applies, but the model called " + list(calls, arguments)));
        }
        if (calls.isEmpty()) {
            return ToolCallVerdict.fail(List.of("expected " + describe(c.expectedCalls()) + ", but the model made no"
                    + " call" + (content == null || content.isBlank() ? "" : " and answered: " + abbreviate(content))));
        }
        return match(c, calls, arguments);
    }

    private static ToolCallVerdict match(ToolCallingCase c, List<ToolCall> calls, List<JsonNode> arguments) {
        List<ExpectedCall> expected = c.expectedCalls();
        List<List<List<String>>> reasons = new ArrayList<>();
        boolean[][] fits = new boolean[expected.size()][calls.size()];
        for (int e = 0; e < expected.size(); e++) {
            List<List<String>> row = new ArrayList<>();
            for (int a = 0; a < calls.size(); a++) {
                List<String> r = mismatches(expected.get(e), calls.get(a).name(), arguments.get(a), c.normalization());
                fits[e][a] = r.isEmpty();
                row.add(r);
            }
            reasons.add(row);
        }
        int[] assigned = Assignment.solve(fits, calls.size());
        List<String> out = new ArrayList<>();
        if (calls.size() != expected.size()) {
            out.add("expected " + expected.size() + (expected.size() == 1 ? " call" : " calls") + " ("
                    + describe(expected) + "), got " + calls.size() + ": " + list(calls, arguments));
        }
        boolean[] used = new boolean[calls.size()];
        for (int e : assigned) {
            if (e >= 0) {
                used[e] = true;
            }
        }
        for (int e = 0; e < expected.size(); e++) {
            if (assigned[e] >= 0) {
                continue;
            }
            String name = expected.get(e).name();
            int closest = -1;
            for (int a = 0; a < calls.size(); a++) {
                if (!used[a] && name.equals(calls.get(a).name())
                        && (closest < 0 || reasons.get(e).get(a).size() < reasons.get(e).get(closest).size())) {
                    closest = a;
                }
            }
            if (closest >= 0) {
                used[closest] = true;
                out.add(name + ": " + String.join("; ", reasons.get(e).get(closest)));
            } else {
                out.add("no call to " + name + " matching " + expected.get(e).describe());
            }
        }
        for (int a = 0; a < calls.size(); a++) {
            if (!used[a]) {
                boolean known = c.toolNames().contains(calls.get(a).name());
                out.add((known ? "unexpected call " : "call to a tool that was not offered: ")
                        + calls.get(a).name() + JsonValues.show(arguments.get(a)));
            }
        }
        return out.isEmpty() && calls.size() == expected.size() ? ToolCallVerdict.pass() : ToolCallVerdict.fail(out);
    }

    /** Why one actual call does not satisfy one expected call; empty when it does. */
    static List<String> mismatches(ExpectedCall expected, String name, JsonNode arguments,
                                   TextNormalization normalization) {
        if (!expected.name().equals(name)) {
            return List.of("called " + name + " instead of " + expected.name());
        }
        List<String> out = new ArrayList<>();
        Set<String> explained = new java.util.HashSet<>();
        JsonNode properties = ParameterSchema.properties(expected.parameters());
        arguments.fields().forEachRemaining(f -> {
            JsonNode declared = properties.get(f.getKey());
            List<String> violations = declared == null && expected.arguments().allowExtra()
                    && !expected.arguments().fields().containsKey(f.getKey())
                    ? List.of("argument '" + f.getKey() + "' is not a parameter of " + name)
                    : ParameterSchema.violations(declared, f.getValue(), f.getKey());
            if (!violations.isEmpty()) {
                out.addAll(violations);
                explained.add(f.getKey());
            }
        });
        out.addAll(expected.arguments().mismatches(arguments, normalization, "", "argument", explained));
        return out;
    }

    /** Parses the arguments text of a call; blank means no arguments. */
    static Optional<JsonNode> parseArguments(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(YamlDocuments.JSON.createObjectNode());
        }
        try {
            JsonNode node = YamlDocuments.JSON.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Tool-call markup or a JSON/pythonic call of an offered tool in plain text, if any. */
    static Optional<String> markupInText(String content, Set<String> toolNames) {
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        for (String marker : CALL_MARKUP) {
            if (content.contains(marker)) {
                return Optional.of(marker);
            }
        }
        for (String tool : toolNames) {
            Matcher json = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(tool) + "\"").matcher(content);
            if (json.find()) {
                return Optional.of(json.group());
            }
            Matcher call = Pattern.compile("\\b" + Pattern.quote(tool) + "\\s*\\(").matcher(content);
            if (call.find()) {
                return Optional.of(call.group());
            }
        }
        return Optional.empty();
    }

    private static String describe(List<ExpectedCall> calls) {
        return calls.stream().map(ExpectedCall::name).collect(Collectors.joining(", "));
    }

    private static String list(List<ToolCall> calls, List<JsonNode> arguments) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            parts.add(calls.get(i).name() + (arguments.get(i) == null ? "(" + abbreviate(calls.get(i).arguments()) + ")"
                    : JsonValues.show(arguments.get(i))));
        }
        return String.join(", ", parts);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 160 ? one : one.substring(0, 160) + "…";
    }
}
