package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One question of the Berkeley Function Calling Leaderboard (and its possible answers) as a
 * tool-calling case. A question line is {@code {"id", "question": [[messages]], "function": [docs]}};
 * an answer line is {@code {"id", "ground_truth": [{"<function>": {"<parameter>": [possible values]}}]}}.
 */
final class BfclCase {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    /**
     * Where a case comes from.
     *
     * @param category     the leaderboard's category ({@code simple}, {@code live_multiple}, …)
     * @param caseCategory the case category it becomes
     * @param answer       the possible answers' line; {@code null} for an irrelevance category
     */
    record Source(String category, String caseCategory, BfclCases.Line question, String questionDisplay,
                  BfclCases.Line answer, String answerDisplay, Path file, Path dir) {
    }

    private final Source source;
    private final Problems problems;
    private final int before;

    private BfclCase(Source source, Problems problems) {
        this.source = source;
        this.problems = problems;
        this.before = problems.list().size();
    }

    static Optional<ToolCallingCase> read(Source source, Problems problems) {
        return new BfclCase(source, problems).read();
    }

    private Optional<ToolCallingCase> read() {
        JsonNode q = source.question().json();
        ArrayNode messages = messages(q.get("question"));
        Map<String, JsonNode> functions = functions(q.get("function"));
        if (problems.list().size() > before) {
            return Optional.empty(); // the answers cannot be checked against a broken question
        }
        List<ExpectedCall> calls = source.answer() == null ? List.of() : expectedCalls(functions);
        if (problems.list().size() > before) {
            return Optional.empty();
        }
        ArrayNode tools = JsonNodeFactory.instance.arrayNode();
        functions.values().forEach(f -> tools.add(BfclFunctions.tool(f)));
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("messages", messages);
        request.set("tools", tools);
        request.put("tool_choice", "auto");
        request.put("max_tokens", CaseFields.DEFAULT_MAX_TOKENS);
        request.put("temperature", 0.0);
        String id = "bfcl-" + source.question().id();
        CaseFile file = new CaseFile(id, source.file(), source.dir(), source.questionDisplay() + " line "
                + source.question().number());
        Set<String> names = new LinkedHashSet<>();
        functions.keySet().forEach(n -> names.add(BfclFunctions.toolName(n)));
        return Optional.of(new ToolCallingCase(file, "Berkeley Function Calling Leaderboard, " + source.category() + ": "
                + source.question().id(), request, calls, TextNormalization.DEFAULT, names, source.caseCategory(),
                List.of("bfcl", "bfcl-" + source.category().replace('_', '-'))));
    }

    /** The one turn of a single-turn question, as chat messages. */
    private ArrayNode messages(JsonNode turns) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (turns == null || !turns.isArray() || turns.isEmpty()) {
            question("$.question", "is missing or empty; expected a list holding one list of chat messages");
            return out;
        }
        if (turns.size() > 1 || !turns.get(0).isArray()) {
            question("$.question", turns.size() > 1 ? "has " + turns.size() + " turns; the single-turn categories"
                    + " have one (a list holding one list of chat messages)"
                    : "expected a list holding one list of chat messages");
            return out;
        }
        JsonNode turn = turns.get(0);
        for (int i = 0; i < turn.size(); i++) {
            JsonNode m = turn.get(i);
            String at = "$.question[0][" + i + "]";
            if (!m.isObject() || !ROLES.contains(m.path("role").asText())) {
                question(at + ".role", "expected one of system, user, assistant, got " + JsonValues.show(m.path("role")));
            } else if (!m.path("content").isTextual()) {
                question(at + ".content", "expected the message's text, got " + JsonValues.show(m.path("content")));
            } else {
                ObjectNode message = JsonNodeFactory.instance.objectNode();
                message.put("role", m.get("role").asText());
                message.put("content", m.get("content").asText());
                out.add(message);
            }
        }
        if (turn.isEmpty()) {
            question("$.question[0]", "has no messages");
        }
        return out;
    }

    private Map<String, JsonNode> functions(JsonNode docs) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (docs == null || !docs.isArray() || docs.isEmpty()) {
            question("$.function", "is missing or empty; expected the list of function documents offered");
            return out;
        }
        Map<String, String> toolNames = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            JsonNode f = docs.get(i);
            String at = "$.function[" + i + "]";
            String name = f.path("name").asText("");
            if (!f.path("name").isTextual() || name.isBlank()) {
                question(at + ".name", "is missing; expected the function's name");
                continue;
            }
            if (!f.path("parameters").path("properties").isObject()) {
                question(at + ".parameters.properties", "is missing; expected an object of parameter schemas");
                continue;
            }
            String other = toolNames.put(BfclFunctions.toolName(name), name);
            if (other != null) {
                question(at + ".name", "'" + name + "' is offered as " + BfclFunctions.toolName(name) + ", like '"
                        + other + "'; tool names must differ once dots become underscores");
                continue;
            }
            out.put(name, f);
        }
        return out;
    }

    private List<ExpectedCall> expectedCalls(Map<String, JsonNode> functions) {
        List<ExpectedCall> calls = new ArrayList<>();
        JsonNode truth = source.answer().json().get("ground_truth");
        if (truth == null || !truth.isArray() || truth.isEmpty()) {
            answer("$.ground_truth", "is missing or empty; expected a list of {function: {parameter: [possible"
                    + " values]}}");
            return calls;
        }
        for (int i = 0; i < truth.size(); i++) {
            JsonNode call = truth.get(i);
            String at = "$.ground_truth[" + i + "]";
            if (!call.isObject() || call.size() != 1 || !call.elements().next().isObject()) {
                answer(at, "expected {\"<function>\": {\"<parameter>\": [possible values]}} with one function");
                continue;
            }
            String name = call.fieldNames().next();
            JsonNode function = functions.get(name);
            if (function == null) {
                answer(at + "." + name, "names a function the question does not offer; it offers: "
                        + String.join(", ", functions.keySet()));
                continue;
            }
            calls.add(expectedCall(name, function, call.get(name), at + "." + name));
        }
        return calls;
    }

    private ExpectedCall expectedCall(String name, JsonNode function, JsonNode possible, String at) {
        JsonNode declared = function.path("parameters").path("properties");
        Set<String> required = new LinkedHashSet<>(ParameterSchema.required(function.get("parameters")));
        Map<String, ArgumentRule> rules = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = possible.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getValue().isArray()) {
                answer(at + "." + p.getKey(), "expected a list of possible values, got " + JsonValues.show(p.getValue()));
                continue;
            }
            List<JsonNode> values = BfclValues.alternatives(p.getValue());
            boolean optional = BfclValues.isOptional(values) && !required.contains(p.getKey());
            JsonNode schema = declared.get(p.getKey());
            if (schema == null) {
                // Not a parameter of the function: the leaderboard fails a call that passes it.
                if (!optional) {
                    rules.put(p.getKey(), new ArgumentRule(new ArgumentMatcher.PossibleValues(List.of(),
                            BfclValues.Shape.VALUE), false));
                }
                continue;
            }
            rules.put(p.getKey(), new ArgumentRule(new ArgumentMatcher.PossibleValues(values,
                    BfclFunctions.shape(schema)), optional));
        }
        for (String r : required) {
            // A required parameter without possible answers: the leaderboard fails the call with it and without it.
            rules.putIfAbsent(r, new ArgumentRule(new ArgumentMatcher.PossibleValues(List.of(), BfclValues.Shape.VALUE),
                    false));
        }
        return new ExpectedCall(BfclFunctions.toolName(name), new ArgumentMatcher.Fields(rules, false),
                BfclFunctions.gradingSchema(function));
    }

    private void question(String path, String message) {
        problems.add(source.questionDisplay(), "line " + source.question().number() + " " + path, message);
    }

    private void answer(String path, String message) {
        problems.add(source.answerDisplay(), "line " + source.answer().number() + " " + path, message);
    }
}
