package dev.modelgate.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the {@code data:} payloads of an OpenAI-compatible stream into a {@link Completion}:
 * content and reasoning concatenated, tool calls assembled per index from their fragments (vLLM)
 * or taken whole (Ollama), usage read from the usage chunk. Not thread-safe; one per request.
 */
public final class StreamAssembler {

    /** Trailing tokens are an error: an event holding two JSON objects must not read as its first. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    /** Reads a sequence of JSON values, to tell several objects in one event from a malformed one. */
    private static final ObjectMapper VALUES = new ObjectMapper();
    /** The most of a server's message kept (a stack trace relayed by a proxy can be long). */
    private static final int MESSAGE_CHARS = 8000;

    private final long sentNanos;
    private long firstByteNanos;
    private final List<StreamEvent> events = new ArrayList<>();
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final TreeMap<Integer, ToolCallBuilder> calls = new TreeMap<>();
    private Usage usage;
    private String finishReason;
    private boolean done;
    private long doneNanos;

    public StreamAssembler(long sentNanos) {
        this.sentNanos = sentNanos;
        this.firstByteNanos = sentNanos;
    }

    public void firstByte(long nanos) {
        this.firstByteNanos = nanos;
    }

    public boolean done() {
        return done;
    }

    /**
     * Accepts one event's data.
     *
     * @throws ServerError    when the event is an error object
     * @throws ProtocolError  when the event is not a JSON object of the expected shape
     */
    public void accept(String data, long arrivalNanos) {
        if (done) {
            throw new ProtocolError("event after [DONE]: " + abbreviate(data));
        }
        if ("[DONE]".equals(data.trim())) {
            done = true;
            doneNanos = arrivalNanos;
            return;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            if (severalObjects(data)) {
                throw new ProtocolError("one stream event holds several JSON objects (data: lines without the blank"
                        + " line that ends an event between them; a proxy that re-chunks the stream does this): "
                        + abbreviate(data), e);
            }
            throw new ProtocolError("malformed stream event (not JSON): " + abbreviate(data), e);
        }
        if (chunk == null || !chunk.isObject()) {
            throw new ProtocolError("malformed stream event (not a JSON object): " + abbreviate(data));
        }
        if (chunk.has("error") || "error".equals(chunk.path("object").asText())) {
            // {"error": {…}} or, from older vLLM, the error object itself ({"object": "error", …})
            JsonNode error = chunk.has("error") ? chunk.get("error") : chunk;
            String message = error.isTextual() ? error.asText() : error.path("message").asText(error.toString());
            String type = error.isObject() ? error.path("type").asText(null) : null;
            throw new ServerError(statusOf(error), "None".equals(type) ? null : type, bounded(message), true);
        }
        JsonNode usageNode = chunk.get("usage");
        int cumulative = StreamEvent.UNKNOWN;
        if (usageNode != null && usageNode.isObject()) {
            JsonNode details = usageNode.path("completion_tokens_details").path("reasoning_tokens");
            usage = new Usage(usageNode.path("prompt_tokens").asInt(0), usageNode.path("completion_tokens").asInt(0),
                    details.canConvertToInt() ? details.asInt() : StreamEvent.UNKNOWN);
            if (usageNode.path("completion_tokens").canConvertToInt()) {
                cumulative = usageNode.get("completion_tokens").asInt();
            }
        }
        JsonNode choices = chunk.get("choices");
        if (choices == null || !choices.isArray()) {
            if (usageNode == null) {
                throw new ProtocolError("stream event has neither choices nor usage: " + abbreviate(data));
            }
            events.add(new StreamEvent(arrivalNanos, "", "", 0, null, true));
            return;
        }
        if (choices.isEmpty()) {
            events.add(new StreamEvent(arrivalNanos, "", "", 0, null, true));
            return;
        }
        JsonNode choice = choices.get(0);
        JsonNode delta = choice.path("delta");
        String text = textOf(delta.get("content"));
        String thought = reasoningOf(delta);
        int parts = acceptToolCalls(delta.get("tool_calls"));
        String finish = choice.path("finish_reason").isTextual() ? choice.get("finish_reason").asText() : null;
        content.append(text);
        reasoning.append(thought);
        if (finish != null) {
            finishReason = finish;
        }
        events.add(new StreamEvent(arrivalNanos, text, thought, parts, finish, false, cumulative));
    }

    /**
     * The status of a mid-stream error event: its {@code code} when that is a number or a numeric
     * text (a LiteLLM proxy writes {@code "code": "500"}); otherwise {@link ServerError#NO_STATUS}:
     * the HTTP status of the stream (200) says nothing about the error.
     */
    private static int statusOf(JsonNode error) {
        JsonNode code = error.isObject() ? error.get("code") : null;
        if (code == null || code.isNull()) {
            return ServerError.NO_STATUS;
        }
        if (code.isIntegralNumber()) {
            return code.asInt();
        }
        String text = code.asText().trim();
        return text.matches("[1-5][0-9][0-9]") ? Integer.parseInt(text) : ServerError.NO_STATUS;
    }

    /** Whether {@code data} is two or more JSON values one after the other. */
    private static boolean severalObjects(String data) {
        try (MappingIterator<JsonNode> values = VALUES.readerFor(JsonNode.class).readValues(data)) {
            int n = 0;
            while (values.hasNextValue()) {
                values.nextValue();
                n++;
            }
            return n > 1;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private int acceptToolCalls(JsonNode toolCalls) {
        if (toolCalls == null || !toolCalls.isArray()) {
            return 0;
        }
        for (JsonNode entry : toolCalls) {
            ToolCallBuilder b = calls.computeIfAbsent(indexOf(entry), ToolCallBuilder::new);
            if (entry.hasNonNull("id")) {
                b.id = entry.get("id").asText();
            }
            JsonNode fn = entry.path("function");
            if (fn.hasNonNull("name") && !fn.get("name").asText().isEmpty()) {
                b.name = fn.get("name").asText(); // sent whole, once (vLLM) or with the call (Ollama)
            }
            JsonNode args = fn.get("arguments");
            if (args != null && !args.isNull()) {
                // vLLM streams argument text; Ollama may send the arguments as an object.
                b.arguments.append(args.isTextual() ? args.asText() : args.toString());
            }
        }
        return toolCalls.size();
    }

    /**
     * The call an entry belongs to: its {@code index}; without one (some servers omit it), an entry
     * that names a function or carries an id starts a new call and a bare arguments fragment
     * continues the last one.
     */
    private int indexOf(JsonNode entry) {
        if (entry.hasNonNull("index")) {
            return entry.get("index").asInt();
        }
        boolean starts = entry.hasNonNull("id") || !entry.path("function").path("name").asText("").isEmpty();
        if (calls.isEmpty()) {
            return 0;
        }
        return starts ? calls.lastKey() + 1 : calls.lastKey();
    }

    /** The completion; {@code endNanos} stands for {@code [DONE]} if the stream ended without it. */
    public Completion finish(long endNanos) {
        List<ToolCall> assembled = calls.values().stream()
                .map(b -> new ToolCall(b.index, b.id, b.name, b.arguments.toString())).toList();
        return new Completion(sentNanos, firstByteNanos, done ? doneNanos : endNanos, events, content.toString(),
                reasoning.toString(), assembled, Optional.ofNullable(usage), finishReason, done);
    }

    /**
     * The reasoning delta: {@code reasoning} (newer vLLM) or {@code reasoning_content} (older).
     * Some versions send both keys, one of them null or both with the same text: the first
     * non-empty one counts, once.
     */
    private static String reasoningOf(JsonNode delta) {
        String newer = textOf(delta.get("reasoning"));
        return newer.isEmpty() ? textOf(delta.get("reasoning_content")) : newer;
    }

    private static String textOf(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText("");
    }

    /** {@code s}, cut at a generous bound: long enough for any server's message, short enough for a report. */
    static String bounded(String s) {
        return s.length() <= MESSAGE_CHARS ? s : s.substring(0, MESSAGE_CHARS) + "… (" + s.length() + " chars)";
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "… (" + s.length() + " chars)";
    }

    private static final class ToolCallBuilder {
        final int index;
        String id;
        String name = "";
        final StringBuilder arguments = new StringBuilder();

        ToolCallBuilder(int index) {
            this.index = index;
        }
    }
}
