package dev.modelgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.catalog.Secret;
import java.io.IOException;

/**
 * The {@link ServerError} an HTTP error response stands for, quoting the server: the OpenAI shape
 * ({@code {"error": {"message", "type"}}}), a bare {@code {"error": "…"}}, older vLLM's error object
 * itself, FastAPI's {@code {"detail": …}}, or the raw text when it is not JSON.
 */
final class ErrorBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBody() {
    }

    /** @param reason what to say when the body is empty (the status line's reason, or "HTTP 503") */
    static ServerError serverError(int status, String reason, String text) {
        String message = text.isBlank() ? reason : text;
        String type = null;
        try {
            JsonNode tree = JSON.readTree(text);
            JsonNode error = tree == null ? null : tree.get("error");
            if (error != null && error.isObject()) {
                message = error.path("message").asText(message);
                type = error.path("type").asText(null);
            } else if (error != null && error.isTextual()) {
                message = error.asText();
            } else if (tree != null && "error".equals(tree.path("object").asText()) && tree.has("message")) {
                // older vLLM: the error object itself, {"object": "error", "message", "type", "code"}
                message = tree.get("message").asText(message);
                type = tree.path("type").asText(null);
            } else if (tree != null && tree.has("detail")) {
                message = tree.get("detail").toString();
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: keep the raw text
        }
        return new ServerError(status, type, Secret.redact(StreamAssembler.bounded(message)), false);
    }
}
