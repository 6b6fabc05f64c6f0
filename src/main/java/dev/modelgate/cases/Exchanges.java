package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.YamlDocuments;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.Completion;
import dev.modelgate.client.ProtocolError;
import dev.modelgate.client.RequestTimeout;
import dev.modelgate.client.ServerError;
import dev.modelgate.client.ToolCall;
import java.util.List;
import java.util.Optional;

/** Sends one case's request and renders the request and the answer as report text. */
final class Exchanges {

    private Exchanges() {
    }

    /** The streamed answer, or the error that stood in its place. */
    record Exchange(String requestJson, Optional<Completion> completion, Optional<RuntimeException> error) {
    }

    static Exchange send(ChatClient client, ChatRequest request) {
        String body = json(request.toBody(client.model(), true));
        try {
            return new Exchange(body, Optional.of(client.stream(request)), Optional.empty());
        } catch (ServerError | ProtocolError | RequestTimeout e) {
            return new Exchange(body, Optional.empty(), Optional.of(e));
        }
    }

    /** The answer as JSON text: content, reasoning, tool calls as the model wrote them, finish reason, usage. */
    static String response(Completion c) {
        ObjectNode out = YamlDocuments.JSON.createObjectNode();
        out.put("content", c.content());
        if (!c.reasoning().isEmpty()) {
            out.put("reasoning", c.reasoning());
        }
        ArrayNode calls = out.putArray("tool_calls");
        for (ToolCall call : c.toolCalls()) {
            calls.addObject().put("index", call.index()).put("id", call.id()).put("name", call.name())
                    .put("arguments", call.arguments());
        }
        out.put("finish_reason", c.finishReason());
        c.usage().ifPresent(u -> out.putObject("usage").put("prompt_tokens", u.promptTokens())
                .put("completion_tokens", u.completionTokens()));
        return json(out);
    }

    static String error(RuntimeException e) {
        ObjectNode out = YamlDocuments.JSON.createObjectNode();
        out.put("error", e.getClass().getSimpleName());
        out.put("message", e.getMessage());
        if (e instanceof ServerError s) {
            out.put("status", s.status());
            out.put("serverMessage", s.serverMessage());
        }
        return json(out);
    }

    static String json(JsonNode node) {
        try {
            return Secret.redact(YamlDocuments.JSON.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Secret.redact(node.toString());
        }
    }

    /** An outcome for a case that got no answer. */
    static CaseOutcome failure(String caseId, String requestJson, RuntimeException e, List<String> notes) {
        List<String> details = new java.util.ArrayList<>(notes);
        details.add("no answer: " + e.getMessage());
        return new CaseOutcome(caseId, CaseOutcome.Status.ERROR, "no answer: " + e.getMessage(), details, requestJson,
                error(e), Optional.of(e), List.of());
    }
}
