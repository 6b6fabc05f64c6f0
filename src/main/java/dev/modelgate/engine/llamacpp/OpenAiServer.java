package dev.modelgate.engine.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The OpenAI-compatible HTTP face of a llama.cpp model, speaking vLLM's dialect (SPEC §6):
 * {@code POST /v1/chat/completions} (streaming and not), {@code GET /v1/models} with
 * {@code max_model_len}, {@code /health}, {@code /version}, and {@code /modelgate/info} with what
 * the engine reports (file, threads, memory). With an API key, {@code /v1/*} answers 401
 * {@code {"error":"Unauthorized"}} to requests without it.
 */
final class OpenAiServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final ServerOptions options;
    private final Generator generator;
    private final String version;
    private final Optional<String> apiKey;
    private final Supplier<ObjectNode> info;

    OpenAiServer(ServerOptions options, Generator generator, String version, Optional<String> apiKey,
                 Supplier<ObjectNode> info) throws IOException {
        this.options = options;
        this.generator = generator;
        this.version = version;
        this.apiKey = apiKey;
        this.info = info;
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::notFound);
        server.createContext("/health", exchange -> handle(exchange, "GET", () -> empty(exchange)));
        server.createContext("/version", exchange -> handle(exchange, "GET", () -> json(exchange, 200,
                JSON.createObjectNode().put("version", version))));
        server.createContext("/modelgate/info", exchange -> handle(exchange, "GET", () -> json(exchange, 200,
                info.get())));
        server.createContext("/v1/models", exchange -> handle(exchange, "GET", () -> models(exchange)));
        server.createContext("/v1/chat/completions", exchange -> handle(exchange, "POST", () -> chat(exchange)));
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private interface Action {
        void run() throws IOException;
    }

    private void handle(HttpExchange exchange, String method, Action action) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals(method)) {
                json(exchange, 405, JSON.createObjectNode().put("detail", "Method Not Allowed"));
            } else if (exchange.getRequestURI().getPath().startsWith("/v1/") && !authorized(exchange)) {
                json(exchange, 401, JSON.createObjectNode().put("error", "Unauthorized"));
            } else {
                action.run();
            }
        } catch (ApiError e) {
            json(exchange, e.status(), e.body());
        } catch (IOException e) {
            // the client went away
        } catch (RuntimeException e) {
            System.err.println("request failed: " + e);
            e.printStackTrace();
            json(exchange, 500, new ApiError(500, "InternalServerError", String.valueOf(e.getMessage()), null).body());
        } finally {
            exchange.close();
        }
    }

    private boolean authorized(HttpExchange exchange) {
        if (apiKey.isEmpty()) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] given = (header == null ? "" : header).getBytes(StandardCharsets.UTF_8);
        byte[] expected = ("Bearer " + apiKey.get()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }

    private void notFound(HttpExchange exchange) throws IOException {
        try {
            json(exchange, 404, JSON.createObjectNode().put("detail", "Not Found"));
        } finally {
            exchange.close();
        }
    }

    private void models(HttpExchange exchange) throws IOException {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        ObjectNode card = list.putArray("data").addObject();
        card.put("id", options.servedName());
        card.put("object", "model");
        card.put("created", System.currentTimeMillis() / 1000);
        card.put("owned_by", "modelgate");
        card.put("root", options.gguf().getFileName().toString());
        card.putNull("parent");
        card.put("max_model_len", generator.contextSize());
        json(exchange, 200, list);
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest("the request body is not valid JSON: " + e.getOriginalMessage(), null);
        }
        CompletionRequest request = CompletionRequest.parse(body, options.servedName());
        if (request.toolsIgnored() > 0) {
            System.err.println("request offers " + request.toolsIgnored() + " tools: this engine has no tool calling"
                    + " for the model, which answers in text without them");
        }
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = System.currentTimeMillis() / 1000;
        if (request.stream()) {
            Generator.Generation generation = generator.start(request);
            new EventStream(exchange, id, created, options.servedName()).send(generation, request.includeUsage());
        } else {
            Generator.Outcome outcome = generator.start(request).stream(piece -> { });
            ObjectNode response = JSON.createObjectNode();
            response.put("id", id).put("object", "chat.completion").put("created", created)
                    .put("model", options.servedName());
            ObjectNode choice = response.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant").put("content", outcome.text());
            message.putArray("tool_calls");
            choice.putNull("logprobs");
            choice.put("finish_reason", outcome.finishReason());
            choice.putNull("stop_reason");
            response.set("usage", usage(outcome));
            json(exchange, 200, response);
        }
    }

    static ObjectNode usage(Generator.Outcome outcome) {
        return JSON.createObjectNode()
                .put("prompt_tokens", outcome.promptTokens())
                .put("total_tokens", outcome.promptTokens() + outcome.completionTokens())
                .put("completion_tokens", outcome.completionTokens());
    }

    private static void empty(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, -1);
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * One streamed response: the role chunk, a chunk per piece of text (each written and flushed
     * when llama.cpp hands the piece out), the finish chunk, the usage chunk if asked, {@code [DONE]}.
     * An error after the stream began is sent as an error event, then {@code [DONE]}.
     */
    private static final class EventStream {
        private final HttpExchange exchange;
        private final String id;
        private final long created;
        private final String model;
        private OutputStream out;

        EventStream(HttpExchange exchange, String id, long created, String model) {
            this.exchange = exchange;
            this.id = id;
            this.created = created;
            this.model = model;
        }

        void send(Generator.Generation generation, boolean includeUsage) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            try {
                exchange.sendResponseHeaders(200, 0);
                out = exchange.getResponseBody();
                event(chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
            } catch (IOException e) {
                generation.cancel();
                throw e;
            }
            Generator.Outcome outcome;
            try {
                outcome = generation.stream(piece -> event(chunk(JSON.createObjectNode().put("content", piece),
                        null)));
            } catch (ApiError e) {
                event(e.body());
                done();
                return;
            }
            event(chunk(JSON.createObjectNode().put("content", ""), outcome.finishReason()));
            if (includeUsage) {
                ObjectNode usage = base();
                usage.putArray("choices");
                usage.set("usage", usage(outcome));
                event(usage);
            }
            done();
        }

        private ObjectNode base() {
            return JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                    .put("created", created).put("model", model);
        }

        private ObjectNode chunk(ObjectNode delta, String finishReason) {
            ObjectNode chunk = base();
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("delta", delta);
            choice.putNull("logprobs");
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
                choice.putNull("stop_reason");
            }
            return chunk;
        }

        private void event(JsonNode data) throws IOException {
            out.write(("data: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private void done() throws IOException {
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.close();
        }
    }
}
