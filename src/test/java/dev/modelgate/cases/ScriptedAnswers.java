package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.cases.ScriptedChatServer.Reply;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Right answers to every built-in case, as a careful model would give them, and a script that
 * finds the case a request is about. Tests replace some answers to make them wrong on purpose.
 */
public final class ScriptedAnswers {

    private ScriptedAnswers() {
    }

    /** Where the right answers live: {@code answers/<suite>/*.yaml} on the test class path. */
    static final String ANSWERS = "answers";

    /**
     * The right answer to every built-in case, read from {@code answers/<suite>/*.yaml}: a map of case id
     * to {@code text: …}, {@code entities: {persons: […], places: […]}} (sent as that JSON object) or
     * {@code calls: [{name, arguments}]} (arguments a mapping, or a string sent as written).
     */
    public static Map<String, Reply> right() {
        return RightAnswers.load(ANSWERS);
    }

    /** A script answering each request with the answer of its case (found by the prompt) from {@code answers}. */
    public static Function<JsonNode, Reply> script(QualityCases cases, Map<String, Reply> answers) {
        Function<JsonNode, String> caseOf = router(cases);
        return body -> {
            String id = caseOf.apply(body);
            Reply reply = answers.get(id);
            if (reply == null) {
                throw new IllegalStateException("no scripted answer for case " + id);
            }
            return reply;
        };
    }

    /** Which case a request is about, from its last user message. */
    public static Function<JsonNode, String> router(QualityCases cases) {
        Map<String, String> exact = new HashMap<>();
        Map<String, String> containing = new HashMap<>();
        cases.toolCalling().forEach(c -> exact.put(ScriptedChatServer.lastUserText(c.request()), c.id()));
        cases.kannadaNative().forEach(c -> exact.put(c.question(), c.id()));
        cases.vision().forEach(c -> exact.put(c.question(), c.id()));
        cases.entities().forEach(c -> containing.put(c.text(), c.id()));
        cases.kannadaEntities().forEach(c -> containing.put(c.text(), c.id()));
        return body -> {
            String prompt = ScriptedChatServer.lastUserText(body);
            String id = exact.get(prompt);
            if (id != null) {
                return id;
            }
            return containing.entrySet().stream().filter(e -> prompt.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no case for prompt: " + prompt));
        };
    }
}
