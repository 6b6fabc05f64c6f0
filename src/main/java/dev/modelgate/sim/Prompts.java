package dev.modelgate.sim;

import com.fasterxml.jackson.databind.JsonNode;

/** What the simulator reads from a request's messages: text, images and a token estimate. */
final class Prompts {

    /** The simulator's tokenizer: about four characters per token, as a rule of thumb for English. */
    static final int CHARS_PER_TOKEN = 4;

    private Prompts() {
    }

    /** Prompt tokens: the text of every message and of the tool definitions, at four characters a token. */
    static int countTokens(JsonNode request) {
        long chars = 0;
        for (JsonNode message : request.path("messages")) {
            chars += text(message.get("content")).length();
            JsonNode calls = message.get("tool_calls");
            if (calls != null) {
                chars += calls.toString().length();
            }
        }
        JsonNode tools = request.get("tools");
        if (tools != null) {
            chars += tools.toString().length();
        }
        return (int) Math.max(1, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    /** The text of the last user message (text parts joined), or "" when there is none. */
    static String lastUserText(JsonNode messages) {
        String last = "";
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asText())) {
                last = text(m.get("content"));
            }
        }
        return last;
    }

    /** The start (up to 100 characters) of the first message. */
    static String start(JsonNode messages) {
        return start(firstMessageText(messages));
    }

    /** The first 100 characters of {@code text}: what the simulator keeps of a prompt. */
    static String start(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100);
    }

    /** The text of the first message (system or user), or "" when there is none. */
    static String firstMessageText(JsonNode messages) {
        return messages.isArray() && !messages.isEmpty() ? text(messages.get(0).get("content")) : "";
    }

    /** Whether any message has an {@code image_url} content part. */
    static boolean hasImage(JsonNode messages) {
        for (JsonNode m : messages) {
            for (JsonNode part : m.path("content")) {
                if ("image_url".equals(part.path("type").asText()) || part.has("image_url")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            if (part.has("text")) {
                sb.append(part.get("text").asText());
            }
        }
        return sb.toString();
    }
}
