package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading helpers shared by the case readers; the schema has already checked the shapes. */
final class CaseFields {

    /** Output budget when a case sets none: room for a reasoning model to think before it answers. */
    static final int DEFAULT_MAX_TOKENS = 2048;

    private CaseFields() {
    }

    static String text(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static int maxTokens(JsonNode tree) {
        return tree.path("maxTokens").asInt(DEFAULT_MAX_TOKENS);
    }

    static double temperature(JsonNode tree) {
        return tree.path("temperature").asDouble(0);
    }

    /** The case's {@code tags}, empty when it has none. */
    static List<String> tags(JsonNode tree) {
        return strings(tree.get("tags"));
    }

    /** A list whose entries are a phrase or a list of alternative phrases; numbers are read as text. */
    static List<List<String>> alternatives(JsonNode array) {
        List<List<String>> out = new ArrayList<>();
        if (array != null) {
            for (JsonNode entry : array) {
                out.add(strings(entry));
            }
        }
        return out;
    }

    /** A phrase, or a list of phrases, as strings. */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
