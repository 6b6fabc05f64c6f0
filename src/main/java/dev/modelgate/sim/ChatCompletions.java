package dev.modelgate.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code POST /v1/chat/completions}: validates the request as vLLM does, plans the reply and
 * sends it, streaming or whole. Every event is written at an absolute {@link System#nanoTime()}
 * deadline computed from the request's receipt (never by adding up sleeps) and flushed at once.
 */
final class ChatCompletions {

    /** Streams that may spin before their deadlines: at most one per core. */
    private static final int SPINNING_STREAMS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    /** How long before a deadline a spinning stream stops parking. */
    private static final long SPIN_NANOS = 2_000_000;
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

    private final VllmSimulator sim;

    ChatCompletions(VllmSimulator sim) {
        this.sim = sim;
    }

    void handle(HttpExchange exchange, long receiptNanos, int number) throws IOException {
        SimScript script = sim.script();
        JsonNode request;
        try {
            request = SimScript.JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            sim.sendJson(exchange, 400, Chunks.error("the request body is not valid JSON: " + e.getMessage(),
                    "BadRequestError", null, 400));
            return;
        }
        sim.recordPrompt(Prompts.firstMessageText(request.path("messages")));
        String refusal = null;
        String model = request.path("model").asText("");
        if (!model.equals(script.servedName())) {
            sim.sendJson(exchange, 404, Chunks.error("The model `" + model + "` does not exist.", "NotFoundError",
                    "model", 404));
            return;
        }
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            refusal = "messages: field required (a non-empty list)";
        } else if (!script.acceptsImages() && Prompts.hasImage(messages)) {
            refusal = script.servedName() + " is not a multimodal model: image_url content parts are not supported";
        } else if (!script.acceptsIgnoreEos() && (request.has("ignore_eos") || request.has("min_tokens"))) {
            refusal = "Unrecognized request argument supplied: " + (request.has("ignore_eos") ? "ignore_eos" : "min_tokens");
        }
        if (refusal != null) {
            sim.sendJson(exchange, 400, Chunks.error(refusal, "BadRequestError", null, 400));
            return;
        }
        int promptTokens = Prompts.countTokens(request);
        int maxModelLen = script.maxModelLen();
        JsonNode requested = request.has("max_completion_tokens") ? request.get("max_completion_tokens")
                : request.get("max_tokens");
        if (promptTokens >= maxModelLen) {
            refusal = "This model's maximum context length is " + maxModelLen + " tokens. However, your request has "
                    + promptTokens + " input tokens. Please reduce the length of the input messages.";
        } else if (requested != null && !requested.isNull()
                && (requested.asInt() < 1 || requested.asInt() + promptTokens > maxModelLen)) {
            int m = requested.asInt();
            refusal = m < 1 ? "max_tokens must be at least 1, got " + m
                    : "'max_tokens' or 'max_completion_tokens' is too large: " + m + ". This model's maximum context"
                    + " length is " + maxModelLen + " tokens and your request has " + promptTokens + " input tokens ("
                    + m + " > " + maxModelLen + " - " + promptTokens + ").";
        }
        if (refusal != null) {
            sim.sendJson(exchange, 400, Chunks.error(refusal, "BadRequestError", null, 400));
            return;
        }
        if (number == script.faults().http500AtRequest()) {
            sim.sendJson(exchange, 500, Chunks.error("simulated engine failure at request " + number,
                    "InternalServerError", null, 500));
            return;
        }
        int maxTokens = requested == null || requested.isNull() ? maxModelLen - promptTokens : requested.asInt();
        Reply reply = Reply.plan(script, request, Prompts.lastUserText(messages), maxTokens);
        long admitted = sim.admit(receiptNanos);
        try (VllmSimulator.Generation generation = sim.generate(admitted, Prompts.firstMessageText(messages))) {
            long start = generation.startNanos();
            if (request.path("stream").asBoolean(false)) {
                stream(exchange, script, request, reply, new Arrival(receiptNanos, start), promptTokens, number, generation);
            } else {
                whole(exchange, script, reply, start, promptTokens);
            }
        } finally {
            sim.release();
        }
    }

    /** When a request's handler began, and when its generation began. */
    private record Arrival(long arrivedNanos, long startNanos) {
    }

    private void stream(HttpExchange exchange, SimScript script, JsonNode request, Reply reply, Arrival arrival,
                        int promptTokens, int number, VllmSimulator.Generation generation) throws IOException {
        long start = arrival.startNanos();
        boolean ollama = script.ollamaDialect();
        boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
        boolean continuous = !ollama && includeUsage && script.sendsUsage() && script.continuousUsage()
                && request.path("stream_options").path("continuous_usage_stats").asBoolean(false);
        Chunks chunks = new Chunks(completionId(), script.servedName());
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        SimScript.Faults faults = script.faults();
        if (!ollama) {
            long roleAt = script.roleChunkLeadMs() > 0 ? due(script, start, 0) - nanos(script.roleChunkLeadMs()) : start;
            sleepUntil(Math.max(start, roleAt));
            ObjectNode role = Chunks.NODES.objectNode().put("role", "assistant").put("content", "");
            send(out, counted(chunks, chunks.chunk(role, null), continuous, promptTokens, 0));
        }
        List<Reply.Event> events = reply.events(script.tokensPerEvent(), ollama, script.firstTokenAlone());
        long previous = 0;
        long firstDue = 0;
        long firstWritten = 0;
        long answerDue = 0;
        long answerWritten = 0;
        for (int e = 0; e < events.size(); e++) {
            Reply.Event event = events.get(e);
            long dueAt = due(script, start, event.last());
            sleepUntil(dueAt);
            boolean last = e == events.size() - 1;
            String chunk = "data: " + counted(chunks, chunks.chunk(delta(script, reply, event, ollama),
                    !ollama && last ? reply.finishReason : null), continuous, promptTokens, event.to()) + "\n\n";
            long now = System.nanoTime();
            writeRaw(out, chunk);
            if (answerDue == 0 && reply.tokens.get(event.from()).kind() != Reply.Kind.REASONING) {
                answerDue = dueAt;
                answerWritten = now;
            }
            if (e == 0) {
                sim.metrics().firstToken(now - start);
                firstDue = dueAt;
                firstWritten = now;
            } else {
                sim.metrics().interToken(now - previous, event.to() - event.from());
            }
            if (last) {
                generation.close(); // generated: no longer counts against the capacity
                sim.recordTiming(new StreamTiming(start, firstDue, firstWritten, dueAt, now, events.get(0).to(),
                        answerDue, answerWritten, arrival.arrivedNanos(), Prompts.start(request.path("messages"))));
            }
            previous = now;
            if (e == 0 && number == faults.crashAtRequest()) {
                sim.crash();
                return;
            }
            if (e == 0 && number == faults.stallAtRequest()) {
                sim.awaitClose();
                return;
            }
            if (e == 0 && number == faults.midStreamErrorAtRequest()) {
                send(out, Chunks.error("simulated engine failure mid-stream at request " + number,
                        "InternalServerError", null, 500));
                out.write(DONE);
                out.flush();
                out.close();
                return;
            }
            if (e == 0 && number == faults.malformedEventAtRequest()) {
                writeRaw(out, "data: {\"choices\": [{\"delta\": {\"content\": \"broken\n\n");
            }
        }
        if (ollama) {
            send(out, chunks.chunk(Chunks.NODES.objectNode(), reply.finishReason));
        }
        if (includeUsage && script.sendsUsage()) {
            send(out, chunks.usageChunk(promptTokens, reply.completionTokens()));
        }
        out.write(DONE);
        out.flush();
        out.close();
        sim.metrics().finished(System.nanoTime() - start, promptTokens, reply.completionTokens());
    }

    /** {@code chunk} with the cumulative usage, this chunk's tokens included, when continuous usage was asked for. */
    private static ObjectNode counted(Chunks chunks, ObjectNode chunk, boolean continuous, int promptTokens,
                                      int completionTokens) {
        if (continuous) {
            chunk.set("usage", chunks.usageChunk(promptTokens, completionTokens).get("usage"));
        }
        return chunk;
    }

    private void whole(HttpExchange exchange, SimScript script, Reply reply, long start, int promptTokens)
            throws IOException {
        sleepUntil(due(script, start, Math.max(0, reply.completionTokens() - 1)));
        ObjectNode message = Chunks.NODES.objectNode().put("role", "assistant");
        String content = reply.text(Reply.Kind.CONTENT);
        if (content.isEmpty() && !reply.calls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        String reasoning = reply.text(Reply.Kind.REASONING);
        if (!reasoning.isEmpty()) {
            message.put(script.reasoningField(), reasoning);
        }
        if (!reply.calls.isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (Reply.Call c : reply.calls) {
                ObjectNode entry = Chunks.toolCallEntry(c.index(), c.id(), c.name(), arguments(reply, c.index()));
                entry.remove("index");
                calls.add(entry);
            }
        }
        Chunks chunks = new Chunks(completionId(), script.servedName());
        sim.metrics().firstToken(due(script, start, 0) - start);
        sim.sendJson(exchange, 200, chunks.completion(message, reply.finishReason, promptTokens,
                reply.completionTokens()));
        sim.metrics().finished(System.nanoTime() - start, promptTokens, reply.completionTokens());
    }

    private static ObjectNode delta(SimScript script, Reply reply, Reply.Event event, boolean ollama) {
        ObjectNode delta = Chunks.NODES.objectNode();
        if (ollama) {
            delta.put("role", "assistant");
        }
        List<Reply.Token> tokens = reply.tokens.subList(event.from(), event.to());
        Reply.Token first = tokens.get(0);
        switch (first.kind()) {
            case REASONING -> {
                if (ollama) {
                    delta.put("content", "");
                }
                delta.put(script.reasoningField(), join(tokens));
            }
            case CONTENT -> delta.put("content", join(tokens));
            case TOOL_NAME -> {
                Reply.Call call = reply.calls.get(first.call());
                ArrayNode calls = delta.putArray("tool_calls");
                if (ollama) {
                    delta.put("content", "");
                    calls.add(Chunks.toolCallEntry(call.index(), call.id(), call.name(), join(tokens.subList(1,
                            tokens.size()))));
                } else {
                    calls.add(Chunks.toolCallEntry(call.index(), call.id(), call.name(), null));
                }
            }
            case TOOL_ARGUMENTS -> {
                ArrayNode calls = delta.putArray("tool_calls");
                if (script.splitToolCallDeltas()) {
                    tokens.forEach(t -> calls.add(Chunks.toolCallEntry(t.call(), null, null, t.text())));
                } else {
                    calls.add(Chunks.toolCallEntry(first.call(), null, null, join(tokens)));
                }
            }
            default -> throw new IllegalStateException("unknown token kind " + first.kind());
        }
        return delta;
    }

    private static String arguments(Reply reply, int call) {
        StringBuilder sb = new StringBuilder();
        reply.tokens.stream().filter(t -> t.kind() == Reply.Kind.TOOL_ARGUMENTS && t.call() == call)
                .forEach(t -> sb.append(t.text()));
        return sb.toString();
    }

    private static String join(List<Reply.Token> tokens) {
        StringBuilder sb = new StringBuilder();
        tokens.forEach(t -> sb.append(t.text()));
        return sb.toString();
    }

    /** When output token {@code i} is due. */
    private static long due(SimScript script, long start, int i) {
        return start + nanos(script.ttftMs() + i * script.interTokenMs());
    }

    private static long nanos(double ms) {
        return Math.round(ms * 1_000_000.0);
    }

    /**
     * Waits until {@code deadline} (nanoTime). With few streams in flight it parks until shortly
     * before and spins the rest, so that a thread that would wake late on a busy machine is
     * already running at the deadline; with many streams it only parks (spinning them all would
     * starve the machine).
     */
    private void sleepUntil(long deadline) throws IOException {
        boolean spin = sim.inFlight() <= SPINNING_STREAMS;
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            if (spin && remaining <= SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(spin ? remaining - SPIN_NANOS : remaining);
            }
            if (Thread.interrupted()) {
                throw new IOException("simulator stopped");
            }
        }
    }

    private static void send(OutputStream out, JsonNode json) throws IOException {
        writeRaw(out, "data: " + json + "\n\n");
    }

    private static void writeRaw(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String completionId() {
        return "chatcmpl-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
                + Long.toHexString(TimeUnit.NANOSECONDS.toMicros(System.nanoTime()) & 0xffff);
    }
}
