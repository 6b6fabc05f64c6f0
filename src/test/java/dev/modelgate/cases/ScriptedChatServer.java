package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small OpenAI-compatible chat server on loopback for runner tests. It answers each request as
 * its script says, streaming the way vLLM does: a role chunk with empty content, content in small
 * pieces, tool calls as a header entry (id, type, name) followed by argument fragments, a final
 * chunk with the finish reason, a usage chunk with {@code "choices": []}, then {@code [DONE]}.
 * Errors are answered with vLLM's error body. It records every request body and the peak number of
 * requests in flight.
 */
public final class ScriptedChatServer implements AutoCloseable {

    /** What the server answers to one request. */
    public sealed interface Reply {
    }

    /** Text content. */
    public record Text(String content) implements Reply {
    }

    /** One or more tool calls, with their arguments as raw text (which may be invalid JSON on purpose). */
    public record Calls(List<Call> calls) implements Reply {
    }

    /** One tool call. */
    public record Call(String name, String arguments) {
    }

    /** An HTTP error with an OpenAI-style error body. */
    public record Failure(int status, String message) implements Reply {
    }

    public static Reply text(String content) {
        return new Text(content);
    }

    public static Reply call(String name, String arguments) {
        return new Calls(List.of(new Call(name, arguments)));
    }

    public static Reply calls(Call... calls) {
        return new Calls(List.of(calls));
    }

    public static Reply failure(int status, String message) {
        return new Failure(status, message);
    }

    private static final int PIECE = 7;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<JsonNode, Reply> script;
    private final ConcurrentLinkedQueue<JsonNode> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int holdUntilInFlight;
    private volatile long holdNanos;

    private ScriptedChatServer(Function<JsonNode, Reply> script) throws IOException {
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    /** Starts a server that answers each request body with {@code script.apply(body)}. */
    public static ScriptedChatServer start(Function<JsonNode, Reply> script) {
        try {
            return new ScriptedChatServer(script);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Holds each answer until {@code n} requests have been in flight at once (or {@code atMost} has
     * passed), so a test can see whether the client keeps that many requests open.
     */
    public ScriptedChatServer holdUntilInFlight(int n, java.time.Duration atMost) {
        this.holdUntilInFlight = n;
        this.holdNanos = atMost.toNanos();
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<JsonNode> requests() {
        return new ArrayList<>(requests);
    }

    public int peakInFlight() {
        return peak.get();
    }

    /** The text of the last user message of a request body (the text part of multi-part content). */
    public static String lastUserText(JsonNode body) {
        String text = "";
        for (JsonNode m : body.path("messages")) {
            if (!"user".equals(m.path("role").asText())) {
                continue;
            }
            JsonNode content = m.path("content");
            if (content.isTextual()) {
                text = content.asText();
            } else {
                for (JsonNode part : content) {
                    if ("text".equals(part.path("type").asText())) {
                        text = part.path("text").asText();
                    }
                }
            }
        }
        return text;
    }

    private void chat(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        AtomicBoolean finished = new AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
        try (exchange) {
            JsonNode body = YamlDocuments.JSON.readTree(exchange.getRequestBody());
            requests.add(body);
            hold();
            Reply reply = script.apply(body);
            if (reply instanceof Failure f) {
                ObjectNode error = YamlDocuments.JSON.createObjectNode();
                error.putObject("error").put("message", f.message()).put("type", "BadRequestError")
                        .putNull("param").put("code", f.status());
                byte[] bytes = error.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(f.status(), bytes.length);
                finish.run(); // the client may send its next request as soon as it has read this reply
                exchange.getResponseBody().write(bytes);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            stream(exchange.getResponseBody(), body.path("model").asText(), reply, finish);
        } finally {
            finish.run();
        }
    }

    private void hold() {
        long deadline = System.nanoTime() + holdNanos;
        while (holdUntilInFlight > 0 && peak.get() < holdUntilInFlight && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Streams the reply; {@code lastEvent} runs just before the last event, after which the client may go on. */
    private void stream(OutputStream out, String model, Reply reply, Runnable lastEvent) throws IOException {
        String id = "chatcmpl-" + ids.incrementAndGet();
        int tokens = 0;
        send(out, chunk(id, model, delta().put("role", "assistant").put("content", ""), null));
        String finish = "stop";
        if (reply instanceof Text t) {
            for (String piece : pieces(t.content())) {
                send(out, chunk(id, model, delta().put("content", piece), null));
                tokens++;
            }
        } else if (reply instanceof Calls c) {
            finish = "tool_calls";
            for (int i = 0; i < c.calls().size(); i++) {
                Call call = c.calls().get(i);
                ObjectNode header = delta();
                ObjectNode entry = header.putArray("tool_calls").addObject().put("index", i)
                        .put("id", "chatcmpl-tool-" + id + "-" + i).put("type", "function");
                entry.putObject("function").put("name", call.name()).put("arguments", "");
                send(out, chunk(id, model, header, null));
                for (String piece : pieces(call.arguments())) {
                    ObjectNode d = delta();
                    d.putArray("tool_calls").addObject().put("index", i).putObject("function").put("arguments", piece);
                    send(out, chunk(id, model, d, null));
                    tokens++;
                }
            }
        }
        send(out, chunk(id, model, delta().put("content", ""), finish));
        ObjectNode usage = YamlDocuments.JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", 0).put("model", model);
        usage.putArray("choices");
        usage.putObject("usage").put("prompt_tokens", 42).put("completion_tokens", tokens + 1)
                .put("total_tokens", 43 + tokens);
        send(out, usage.toString());
        lastEvent.run();
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode delta() {
        return YamlDocuments.JSON.createObjectNode();
    }

    private static String chunk(String id, String model, ObjectNode delta, String finish) {
        ObjectNode c = YamlDocuments.JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", 0).put("model", model);
        ArrayNode choices = c.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return c.toString();
    }

    private static void send(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The text in pieces of a few code points, never splitting a surrogate pair. */
    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i += PIECE) {
            out.add(new String(cps, i, Math.min(PIECE, cps.length - i)));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
