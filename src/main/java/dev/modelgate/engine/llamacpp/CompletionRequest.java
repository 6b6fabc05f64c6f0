package dev.modelgate.engine.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A chat completion request as this server understands it, read from an OpenAI-compatible body.
 * What it cannot honour is refused with a 400 that says so (images, several choices, log
 * probabilities, a forced tool call) rather than silently answered differently; tools offered
 * with {@code tool_choice} {@code auto} or {@code none} are left out, and the model answers in text.
 *
 * @param messages     {@code [{role, content}]} with text content only, ready for the chat template
 * @param maxTokens    {@code max_completion_tokens} or {@code max_tokens}; empty: up to the context
 * @param jsonSchema   the schema of {@code response_format} (json_schema; {@code {"type":"object"}}
 *                     for json_object), as JSON text
 * @param toolsIgnored how many tools the request offered that the model was not shown
 */
record CompletionRequest(
        ArrayNode messages,
        boolean stream,
        boolean includeUsage,
        OptionalInt maxTokens,
        OptionalDouble temperature,
        OptionalDouble topP,
        OptionalInt topK,
        OptionalDouble minP,
        OptionalDouble presencePenalty,
        OptionalDouble frequencyPenalty,
        OptionalDouble repetitionPenalty,
        OptionalInt seed,
        List<String> stop,
        boolean ignoreEos,
        Optional<String> jsonSchema,
        int toolsIgnored) {

    /**
     * Reads {@code body}.
     *
     * @param servedName the model id this server serves; another {@code model} is a 404
     * @throws ApiError naming the field and what is wrong with it
     */
    static CompletionRequest parse(JsonNode body, String servedName) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("the request body must be a JSON object", null);
        }
        String model = body.path("model").asText("");
        if (!model.isEmpty() && !model.equals(servedName)) {
            throw new ApiError(404, "NotFoundError", "The model `" + model + "` does not exist.", "model");
        }
        int n = body.path("n").asInt(1);
        if (n != 1) {
            throw ApiError.badRequest("n=" + n + " is not supported: this server returns one choice", "n");
        }
        if (body.path("logprobs").asBoolean(false) || body.has("top_logprobs")) {
            throw ApiError.badRequest("logprobs are not supported by the llamacpp engine", "logprobs");
        }
        int tools = body.path("tools").isArray() ? body.get("tools").size() : 0;
        checkToolChoice(body.get("tool_choice"), tools);
        return new CompletionRequest(
                messages(body.get("messages")),
                body.path("stream").asBoolean(false),
                body.path("stream_options").path("include_usage").asBoolean(false),
                maxTokens(body),
                decimal(body, "temperature"),
                decimal(body, "top_p"),
                whole(body, "top_k"),
                decimal(body, "min_p"),
                decimal(body, "presence_penalty"),
                decimal(body, "frequency_penalty"),
                decimal(body, "repetition_penalty"),
                whole(body, "seed"),
                stops(body.get("stop")),
                body.path("ignore_eos").asBoolean(false),
                schema(body.get("response_format")),
                tools);
    }

    private static void checkToolChoice(JsonNode choice, int tools) {
        if (choice == null || choice.isNull()) {
            return;
        }
        String mode = choice.isTextual() ? choice.asText() : "named";
        if (!mode.equals("auto") && !mode.equals("none")) {
            throw ApiError.badRequest("tool_choice '" + (choice.isTextual() ? mode : choice.path("function")
                    .path("name").asText(mode)) + "' cannot be honoured: the llamacpp engine has no tool calling"
                    + " for this model (" + tools + " tools offered); use tool_choice 'auto' or 'none', and the"
                    + " model answers in text", "tool_choice");
        }
    }

    private static ArrayNode messages(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiError.badRequest("messages must be a non-empty array", "messages");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.path("role").asText("");
            if (role.isEmpty()) {
                throw ApiError.badRequest("messages[" + i + "].role is missing", "messages");
            }
            ObjectNode copy = out.addObject();
            copy.put("role", role);
            copy.put("content", text(m.get("content"), i));
        }
        return out;
    }

    /** The text of a message's content: a string, or the text parts of a list joined by newlines. */
    private static String text(JsonNode content, int index) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw ApiError.badRequest("messages[" + index + "].content must be a string or a list of parts",
                    "messages");
        }
        List<String> texts = new ArrayList<>();
        for (int p = 0; p < content.size(); p++) {
            JsonNode part = content.get(p);
            String type = part.path("type").asText("");
            if (!type.equals("text")) {
                throw ApiError.badRequest("messages[" + index + "].content[" + p + "] is of type '" + type
                        + "': this model takes text only (the llamacpp engine serves no image, audio or video"
                        + " input)", "messages");
            }
            texts.add(part.path("text").asText(""));
        }
        return String.join("\n", texts);
    }

    private static OptionalInt maxTokens(JsonNode body) {
        JsonNode v = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        if (v == null || v.isNull()) {
            return OptionalInt.empty();
        }
        if (!v.canConvertToInt() || v.asInt() < 1) {
            throw ApiError.badRequest("max_tokens must be a positive whole number, got " + v, "max_tokens");
        }
        return OptionalInt.of(v.asInt());
    }

    private static List<String> stops(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        if (stop.isTextual()) {
            return List.of(stop.asText());
        }
        if (stop.isArray()) {
            List<String> out = new ArrayList<>();
            stop.forEach(s -> out.add(s.asText()));
            return out;
        }
        throw ApiError.badRequest("stop must be a string or a list of strings", "stop");
    }

    private static Optional<String> schema(JsonNode format) {
        if (format == null || format.isNull()) {
            return Optional.empty();
        }
        String type = format.path("type").asText("");
        switch (type) {
            case "text":
                return Optional.empty();
            case "json_object":
                return Optional.of("{\"type\":\"object\"}");
            case "json_schema":
                JsonNode schema = format.path("json_schema").get("schema");
                if (schema == null || !schema.isObject()) {
                    throw ApiError.badRequest("response_format.json_schema.schema must be a JSON schema object",
                            "response_format");
                }
                return Optional.of(schema.toString());
            default:
                throw ApiError.badRequest("response_format.type '" + type
                        + "' is not supported; use text, json_object or json_schema", "response_format");
        }
    }

    private static OptionalDouble decimal(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        if (!v.isNumber()) {
            throw ApiError.badRequest(field + " must be a number, got " + v, field);
        }
        return OptionalDouble.of(v.asDouble());
    }

    private static OptionalInt whole(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return OptionalInt.empty();
        }
        if (!v.canConvertToInt()) {
            throw ApiError.badRequest(field + " must be a whole number, got " + v, field);
        }
        return OptionalInt.of(v.asInt());
    }
}
