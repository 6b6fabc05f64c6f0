package dev.modelgate.measure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.client.ChatRequest;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * One prompt of the performance suite ({@code cases/performance/<id>.yaml}), and how it becomes a
 * request: a unique prefix first (so the server's prefix cache cannot serve it), the long text
 * generated deterministically for {@link Kind#LONG}, the output controls for
 * {@link Kind#FIXED_OUTPUT}.
 *
 * @param source       the file as the user knows it, for messages
 * @param maxTokens    {@code max_tokens}; 0 = the sampling plan's {@code maxTokens}
 * @param promptTokens long only: the long text's length in tokens (four characters each)
 * @param tools        tool definitions sent with the request (the voice turn's), or null
 */
public record PerformanceCase(String id, Kind kind, String description, String system, String prompt, int maxTokens,
                              String filler, int promptTokens, boolean ignoreEos, boolean minTokens, JsonNode tools,
                              String source) {

    /** Characters per token when a text is sized in tokens: a rule of thumb for English prose. */
    public static final int CHARS_PER_TOKEN = 4;

    /**
     * Share of the served context the long prompt may take; the rest absorbs the difference
     * between four characters a token and the model's real tokenizer, the chat template and the answer.
     */
    static final double CONTEXT_SHARE = 0.85;

    /** What a case is used for. */
    public enum Kind {
        SHORT("short"), VOICE_TURN("voice-turn"), LONG("long"), FIXED_OUTPUT("fixed-output");

        private final String yaml;

        Kind(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }

        public static Kind of(String yaml) {
            for (Kind k : values()) {
                if (k.yaml.equals(yaml)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown kind '" + yaml + "'");
        }
    }

    /** Reads a case from its (schema-valid) tree. */
    static PerformanceCase of(String id, JsonNode tree, String source) {
        return new PerformanceCase(id, Kind.of(tree.path("kind").asText()), tree.path("description").asText(null),
                tree.path("system").asText(null), tree.path("prompt").asText(), tree.path("maxTokens").asInt(0),
                tree.path("filler").asText(null), tree.path("promptTokens").asInt(0),
                tree.path("ignoreEos").asBoolean(true), tree.path("minTokens").asBoolean(true),
                tree.hasNonNull("tools") ? tree.get("tools") : null, source);
    }

    /** {@code max_tokens} for this case under a plan whose default output length is {@code planMaxTokens}. */
    public int maxTokens(int planMaxTokens) {
        return maxTokens > 0 ? maxTokens : planMaxTokens;
    }

    /**
     * The long text's length in tokens: {@code promptTokens}, capped so that the prompt and the
     * answer fit {@link #CONTEXT_SHARE} of the served context when it is known.
     */
    public int longTextTokens(OptionalInt servedContext, int answerTokens) {
        if (kind != Kind.LONG) {
            return 0;
        }
        if (servedContext.isEmpty()) {
            return promptTokens;
        }
        int room = (int) (servedContext.getAsInt() * CONTEXT_SHARE) - answerTokens - prompt.length() / CHARS_PER_TOKEN;
        return Math.max(0, Math.min(promptTokens, room));
    }

    /**
     * The request for one sample.
     *
     * @param uniquePrefix  put at the very start of the first message, so no two requests share a prefix
     * @param maxTokens     {@code max_tokens}
     * @param servedContext the served context length, when known (caps the long text)
     * @param outputControls whether to send {@code ignore_eos} / {@code min_tokens} (fixed-output only)
     */
    public ChatRequest request(String uniquePrefix, int maxTokens, OptionalInt servedContext, boolean outputControls) {
        String user = kind == Kind.LONG ? longText(longTextTokens(servedContext, maxTokens)) + prompt : prompt;
        ChatRequest request = ChatRequest.create();
        if (system != null) {
            request.message("system", uniquePrefix + system);
            request.message("user", user);
        } else {
            request.message("user", uniquePrefix + user);
        }
        request.maxTokens(maxTokens);
        if (tools != null) {
            request.tools(tools);
        }
        if (kind == Kind.FIXED_OUTPUT && outputControls) {
            if (ignoreEos) {
                request.set("ignore_eos", true);
            }
            if (minTokens) {
                request.set("min_tokens", maxTokens);
            }
        }
        return request;
    }

    /** The filler paragraph, numbered and repeated up to {@code tokens} tokens; the same text every time. */
    String longText(int tokens) {
        long chars = (long) tokens * CHARS_PER_TOKEN;
        StringBuilder sb = new StringBuilder();
        for (int section = 1; sb.length() < chars; section++) {
            String part = String.format(Locale.ROOT, "Entry %d. %s\n\n", section, filler.strip());
            if (sb.length() + part.length() > chars) {
                break;
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
