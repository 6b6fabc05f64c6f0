package dev.modelgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat completion request body. The client adds {@code model},
 * {@code stream: true} and {@code stream_options} ({@code include_usage: true}, and
 * {@code continuous_usage_stats: true} where the server takes it); everything else is here.
 */
public final class ChatRequest {

    private final ObjectNode body;

    private ChatRequest(ObjectNode body) {
        this.body = body;
    }

    public static ChatRequest create() {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.putArray("messages");
        return new ChatRequest(b);
    }

    /** A request with one user message. */
    public static ChatRequest user(String text) {
        return create().message("user", text);
    }

    /** A request from a full body (e.g. a case file); it is copied. */
    public static ChatRequest of(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        if (!copy.has("messages")) {
            copy.putArray("messages");
        }
        return new ChatRequest(copy);
    }

    public ChatRequest message(String role, String content) {
        messages().addObject().put("role", role).put("content", content);
        return this;
    }

    /** Adds a message given as JSON (multi-part content, tool results, assistant tool calls). */
    public ChatRequest message(JsonNode message) {
        messages().add(message.deepCopy());
        return this;
    }

    public ChatRequest maxTokens(int n) {
        body.put("max_tokens", n);
        return this;
    }

    public ChatRequest temperature(double t) {
        body.put("temperature", t);
        return this;
    }

    public ChatRequest tools(JsonNode tools) {
        body.set("tools", tools.deepCopy());
        return this;
    }

    public ChatRequest toolChoice(JsonNode choice) {
        body.set("tool_choice", choice.deepCopy());
        return this;
    }

    public ChatRequest responseFormat(JsonNode format) {
        body.set("response_format", format.deepCopy());
        return this;
    }

    /** Any other field, e.g. vLLM's {@code ignore_eos} or {@code min_tokens}. */
    public ChatRequest set(String field, JsonNode value) {
        body.set(field, value);
        return this;
    }

    public ChatRequest set(String field, int value) {
        body.put(field, value);
        return this;
    }

    public ChatRequest set(String field, boolean value) {
        body.put(field, value);
        return this;
    }

    public ChatRequest without(String field) {
        body.remove(field);
        return this;
    }

    public ArrayNode messages() {
        return (ArrayNode) body.get("messages");
    }

    /**
     * Merges {@code fields} into the body: an object field merges into the object already there
     * (so {@code chat_template_kwargs: {enable_thinking: false}} keeps the request's other template
     * arguments), any other value replaces what was there.
     */
    public ChatRequest withFields(ObjectNode fields) {
        merge(body, fields);
        return this;
    }

    private static void merge(ObjectNode into, ObjectNode fields) {
        fields.fields().forEachRemaining(e -> {
            JsonNode there = into.get(e.getKey());
            if (there instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    /** The body as it will be sent for {@code model}, streaming with usage in the last chunk and in every chunk. */
    public ObjectNode toBody(String model, boolean stream) {
        return toBody(model, stream, true);
    }

    /**
     * A copy of the body as it will be sent for {@code model}.
     *
     * @param continuousUsage streaming only: also ask for the cumulative usage in every chunk
     *                        ({@code stream_options.continuous_usage_stats}, vLLM), so that the tokens
     *                        of each event are known
     */
    public ObjectNode toBody(String model, boolean stream, boolean continuousUsage) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("model", model);
        out.setAll(body.deepCopy());
        out.put("stream", stream);
        if (stream) {
            ObjectNode options = out.putObject("stream_options").put("include_usage", true);
            if (continuousUsage) {
                options.put("continuous_usage_stats", true);
            }
        } else {
            out.remove("stream_options");
        }
        return out;
    }

    public ChatRequest copy() {
        return new ChatRequest(body.deepCopy());
    }

    @Override
    public String toString() {
        return body.toString();
    }
}
