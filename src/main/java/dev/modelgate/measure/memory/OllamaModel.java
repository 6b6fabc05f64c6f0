package dev.modelgate.measure.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One loaded model from Ollama's {@code GET /api/ps}: {@code size} is all the memory it holds,
 * {@code size_vram} the part in GPU memory (both in bytes), {@code context_length} the context it
 * was loaded with (absent in older Ollama releases).
 */
record OllamaModel(String name, String model, long sizeBytes, long sizeVramBytes, OptionalInt contextLength) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the body of {@code /api/ps}. */
    public static List<OllamaModel> parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Ollama /api/ps did not answer JSON: " + abbreviate(body), e);
        }
        if (root == null || !root.path("models").isArray()) {
            throw new IllegalArgumentException("Ollama /api/ps answer has no \"models\" array: " + abbreviate(body));
        }
        List<OllamaModel> models = new ArrayList<>();
        for (JsonNode m : root.get("models")) {
            JsonNode ctx = m.get("context_length");
            models.add(new OllamaModel(m.path("name").asText(), m.path("model").asText(), m.path("size").asLong(),
                    m.path("size_vram").asLong(),
                    ctx != null && ctx.canConvertToInt() ? OptionalInt.of(ctx.asInt()) : OptionalInt.empty()));
        }
        return models;
    }

    /** Whether this is the model tagged {@code tag} ({@code gemma4} matches {@code gemma4:latest}). */
    public boolean is(String tag) {
        return matches(name, tag) || matches(model, tag);
    }

    private static boolean matches(String listed, String tag) {
        return listed != null && (listed.equals(tag) || listed.equals(tag + ":latest")
                || (tag.endsWith(":latest") && listed.equals(tag.substring(0, tag.length() - ":latest".length()))));
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
