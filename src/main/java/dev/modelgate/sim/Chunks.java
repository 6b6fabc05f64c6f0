package dev.modelgate.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON bodies of vLLM's OpenAI-compatible API: stream chunks, the usage chunk, whole
 * completions and error objects. One instance per response (it holds the completion id).
 */
final class Chunks {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String id;
    private final String model;
    private final long created;

    Chunks(String id, String model) {
        this.id = id;
        this.model = model;
        this.created = System.currentTimeMillis() / 1000;
    }

    /** A chunk with one choice holding {@code delta}; {@code finishReason} may be null. */
    ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode c = head("chat.completion.chunk");
        ObjectNode choice = c.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return c;
    }

    /** The extra chunk vLLM sends when {@code stream_options.include_usage} is true. */
    ObjectNode usageChunk(int promptTokens, int completionTokens) {
        ObjectNode c = head("chat.completion.chunk");
        c.putArray("choices");
        c.set("usage", usage(promptTokens, completionTokens));
        return c;
    }

    /** A whole (non-streaming) completion. */
    ObjectNode completion(ObjectNode message, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode c = head("chat.completion");
        ObjectNode choice = c.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        c.set("usage", usage(promptTokens, completionTokens));
        return c;
    }

    private ObjectNode head(String object) {
        ObjectNode c = NODES.objectNode();
        c.put("id", id);
        c.put("object", object);
        c.put("created", created);
        c.put("model", model);
        return c;
    }

    private static ObjectNode usage(int promptTokens, int completionTokens) {
        ObjectNode u = NODES.objectNode();
        u.put("prompt_tokens", promptTokens);
        u.put("total_tokens", promptTokens + completionTokens);
        u.put("completion_tokens", completionTokens);
        u.putNull("prompt_tokens_details");
        return u;
    }

    /** vLLM's error body: {@code {"error": {"message", "type", "param", "code"}}}. */
    static ObjectNode error(String message, String type, String param, int code) {
        ObjectNode body = NODES.objectNode();
        ObjectNode e = body.putObject("error");
        e.put("message", message);
        e.put("type", type);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        e.put("code", code);
        return body;
    }

    /** A tool-call entry of a delta. */
    static ObjectNode toolCallEntry(int index, String id, String name, String arguments) {
        ObjectNode entry = NODES.objectNode();
        entry.put("index", index);
        if (id != null) {
            entry.put("id", id);
            entry.put("type", "function");
        }
        ObjectNode fn = entry.putObject("function");
        if (name != null) {
            fn.put("name", name);
        }
        if (arguments != null) {
            fn.put("arguments", arguments);
        }
        return entry;
    }
}
