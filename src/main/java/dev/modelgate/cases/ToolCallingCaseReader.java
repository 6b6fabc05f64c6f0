package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Problems;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a schema-valid tool-calling case file into a {@link ToolCallingCase}, checking what a
 * schema cannot: expected calls name offered tools and their parameters, regular expressions
 * compile, exact values fit the tool's declared types and allowed values, and every parameter the
 * tool requires can be present in a passing call.
 */
final class ToolCallingCaseReader {

    private static final List<String> MATCHERS = List.of("exact", "ignoreCase", "oneOf", "regex", "number", "fields");

    private final CaseFile source;
    private final Problems problems;
    private final int before;

    private ToolCallingCaseReader(CaseFile source, Problems problems) {
        this.source = source;
        this.problems = problems;
        this.before = problems.list().size();
    }

    static Optional<ToolCallingCase> read(CaseFile source, JsonNode tree, Problems problems) {
        return new ToolCallingCaseReader(source, problems).read(tree);
    }

    private Optional<ToolCallingCase> read(JsonNode tree) {
        TextNormalization normalization = normalization(tree.path("normalize"));
        Map<String, JsonNode> tools = tools(tree.get("tools"));
        JsonNode choice = tree.get("tool_choice");
        if (choice != null && choice.isObject()) {
            String named = choice.path("function").path("name").asText();
            if (!tools.containsKey(named)) {
                problem("$.tool_choice.function.name", "names '" + named + "', which is not among the tools: "
                        + tools.keySet());
            }
        }
        JsonNode expect = tree.get("expect");
        boolean noCall = expect.has("noCall");
        boolean hasCalls = expect.has("calls");
        if (noCall == hasCalls) {
            problem("$.expect", noCall ? "has both noCall and calls; keep one"
                    : "says nothing: write noCall: true when no tool applies, or list the expected calls");
        }
        List<ExpectedCall> calls = new ArrayList<>();
        JsonNode callNodes = expect.path("calls");
        for (int i = 0; i < callNodes.size(); i++) {
            expectedCall(callNodes.get(i), "$.expect.calls[" + i + "]", tools, normalization).ifPresent(calls::add);
        }
        if (problems.list().size() > before) {
            return Optional.empty();
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("messages", tree.get("messages").deepCopy());
        request.set("tools", tree.get("tools").deepCopy());
        request.set("tool_choice", choice == null ? JsonNodeFactory.instance.textNode("auto") : choice.deepCopy());
        request.put("max_tokens", CaseFields.maxTokens(tree));
        request.put("temperature", CaseFields.temperature(tree));
        return Optional.of(new ToolCallingCase(source, CaseFields.text(tree, "description"), request, calls,
                normalization, tools.keySet(), category(tree, calls), CaseFields.tags(tree)));
    }

    /** The category as written, else what the case shows: no call, an earlier turn, parallel calls, several tools. */
    private static String category(JsonNode tree, List<ExpectedCall> calls) {
        String written = CaseFields.text(tree, "category");
        if (written != null) {
            return written;
        }
        if (calls.isEmpty()) {
            return "irrelevance";
        }
        for (JsonNode m : tree.get("messages")) {
            String role = m.path("role").asText();
            if (role.equals("assistant") || role.equals("tool")) {
                return "multi-turn";
            }
        }
        if (calls.size() > 1) {
            return calls.stream().map(ExpectedCall::name).distinct().count() == 1 ? "parallel" : "parallel-multiple";
        }
        return tree.get("tools").size() > 1 ? "multiple" : "simple";
    }

    private Map<String, JsonNode> tools(JsonNode toolNodes) {
        Map<String, JsonNode> tools = new LinkedHashMap<>();
        for (int i = 0; i < toolNodes.size(); i++) {
            JsonNode fn = toolNodes.get(i).get("function");
            String name = fn.get("name").asText();
            if (tools.put(name, fn.get("parameters")) != null) {
                problem("$.tools[" + i + "].function.name", "'" + name + "' is offered twice; tool names must be unique");
            }
        }
        return tools;
    }

    private Optional<ExpectedCall> expectedCall(JsonNode call, String path, Map<String, JsonNode> tools,
                                                TextNormalization normalization) {
        String name = call.get("name").asText();
        JsonNode parameters = tools.get(name);
        if (parameters == null) {
            problem(path + ".name", "unknown tool '" + name + "'; the case offers: " + String.join(", ", tools.keySet()));
            return Optional.empty();
        }
        boolean allowExtra = call.path("allowExtraArguments").asBoolean(false);
        ArgumentMatcher.Fields arguments = fields(call.path("arguments"), path + ".arguments", parameters, allowExtra,
                normalization, name, "parameter");
        for (String required : ParameterSchema.required(parameters)) {
            ArgumentRule rule = arguments.fields().get(required);
            boolean listed = call.path("arguments").has(required); // listed, even if its matcher had a problem
            if (!listed && !allowExtra) {
                problem(path + ".arguments", "does not list '" + required + "', which " + name + " requires, so no"
                        + " call can pass; add it (for any value: " + required + ": {}) or set allowExtraArguments: true");
            } else if (rule != null && rule.optional()) {
                problem(path + ".arguments." + required, "is optional here, but " + name + " requires it; drop"
                        + " optional: true");
            }
        }
        return Optional.of(new ExpectedCall(name, arguments, parameters));
    }

    private ArgumentMatcher.Fields fields(JsonNode node, String path, JsonNode objectSchema, boolean allowExtra,
                                          TextNormalization normalization, String owner, String noun) {
        Map<String, ArgumentRule> rules = new LinkedHashMap<>();
        JsonNode declared = ParameterSchema.properties(objectSchema);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + "." + e.getKey();
            JsonNode schema = declared.get(e.getKey());
            if (schema == null && declared.size() > 0) {
                problem(at, "'" + e.getKey() + "' is not a " + noun + " of " + owner + "; it declares: "
                        + String.join(", ", iterable(declared.fieldNames())));
            }
            rule(e.getValue(), at, schema, normalization, owner).ifPresent(r -> rules.put(e.getKey(), r));
        }
        return new ArgumentMatcher.Fields(rules, allowExtra);
    }

    private Optional<ArgumentRule> rule(JsonNode node, String path, JsonNode schema, TextNormalization normalization,
                                        String owner) {
        if (!node.isObject()) {
            checkValue(node, path, schema);
            return Optional.of(new ArgumentRule(new ArgumentMatcher.Exact(node), false));
        }
        boolean optional = node.path("optional").asBoolean(false);
        Set<String> kinds = new LinkedHashSet<>();
        MATCHERS.forEach(m -> {
            if (node.has(m)) {
                kinds.add(m);
            }
        });
        if (kinds.size() > 1) {
            problem(path, "names more than one matcher (" + String.join(", ", kinds) + "); use one");
            return Optional.empty();
        }
        String kind = kinds.isEmpty() ? "any" : kinds.iterator().next();
        ArgumentMatcher matcher = switch (kind) {
            case "exact" -> {
                checkValue(node.get("exact"), path + ".exact", schema);
                yield new ArgumentMatcher.Exact(node.get("exact"));
            }
            case "ignoreCase" -> new ArgumentMatcher.IgnoreCase(node.get("ignoreCase").asText());
            case "oneOf" -> {
                List<JsonNode> values = new ArrayList<>();
                JsonNode list = node.get("oneOf");
                for (int i = 0; i < list.size(); i++) {
                    checkValue(list.get(i), path + ".oneOf[" + i + "]", schema);
                    values.add(list.get(i));
                }
                yield new ArgumentMatcher.OneOf(values);
            }
            case "regex" -> regex(node.get("regex").asText(), path + ".regex", normalization);
            case "number" -> new ArgumentMatcher.Numeric(node.get("number").decimalValue(),
                    node.has("tolerance") ? node.get("tolerance").decimalValue() : java.math.BigDecimal.ZERO);
            case "fields" -> fields(node.get("fields"), path + ".fields", schema,
                    node.path("allowExtraFields").asBoolean(false), normalization,
                    owner + "'s " + path.substring(path.lastIndexOf('.') + 1), "field");
            default -> new ArgumentMatcher.AnyValue();
        };
        return matcher == null ? Optional.empty() : Optional.of(new ArgumentRule(matcher, optional));
    }

    private ArgumentMatcher regex(String pattern, String path, TextNormalization normalization) {
        try {
            int flags = normalization.ignoreCase() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            return new ArgumentMatcher.Regex(Pattern.compile(pattern, flags));
        } catch (PatternSyntaxException e) {
            problem(path, "is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex()
                    + " of /" + pattern + "/");
            return null;
        }
    }

    /** An expected value that the tool's own schema forbids could never be matched by a valid call. */
    private void checkValue(JsonNode value, String path, JsonNode schema) {
        for (String violation : ParameterSchema.violations(schema, value, "the expected value")) {
            problem(path, violation + "; no valid call can match it");
        }
    }

    private static TextNormalization normalization(JsonNode node) {
        TextNormalization d = TextNormalization.DEFAULT;
        return new TextNormalization(node.path("ignoreCase").asBoolean(d.ignoreCase()),
                node.path("collapseWhitespace").asBoolean(d.collapseWhitespace()),
                node.path("stripPunctuation").asBoolean(d.stripPunctuation()));
    }

    private void problem(String path, String message) {
        problems.add(source.displayName(), path, message);
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }
}
