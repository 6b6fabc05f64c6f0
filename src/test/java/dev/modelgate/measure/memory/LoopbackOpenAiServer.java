package dev.modelgate.measure.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A small OpenAI-compatible server on loopback, speaking vLLM's dialect where the memory test
 * needs it: {@code /v1/models} with {@code max_model_len}, streamed chat completions with a usage
 * chunk whose {@code prompt_tokens} is the number of words of the prompt, and {@code /api/ps} when
 * given an Ollama answer. {@code status} other than 200 answers chat requests with a vLLM error body.
 */
public final class LoopbackOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Integer> promptWords = new CopyOnWriteArrayList<>();
    private volatile int chatStatus = 200;
    private volatile String apiPs;

    private LoopbackOpenAiServer(HttpServer server) {
        this.server = server;
    }

    public static LoopbackOpenAiServer start(String model, int maxModelLen) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LoopbackOpenAiServer srv = new LoopbackOpenAiServer(s);
            s.createContext("/v1/models", ex -> srv.send(ex, 200, "application/json", "{\"object\":\"list\",\"data\":"
                    + "[{\"id\":\"" + model + "\",\"object\":\"model\",\"max_model_len\":" + maxModelLen + "}]}"));
            s.createContext("/v1/chat/completions", srv::chat);
            s.createContext("/api/ps", ex -> {
                String body = srv.apiPs;
                srv.send(ex, body == null ? 404 : 200, "application/json", body == null ? "{}" : body);
            });
            s.start();
            return srv;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Word counts of the prompts received. */
    public List<Integer> promptWords() {
        return promptWords;
    }

    public void failChatWith(int status) {
        chatStatus = status;
    }

    public void answerApiPs(String body) {
        apiPs = body;
    }

    private void chat(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        String prompt = body.path("messages").path(0).path("content").asText();
        int words = prompt.isBlank() ? 0 : prompt.trim().split("\\s+").length;
        promptWords.add(words);
        if (chatStatus != 200) {
            send(ex, chatStatus, "application/json", "{\"error\":{\"message\":\"CUDA error: out of memory\","
                    + "\"type\":\"InternalServerError\",\"param\":null,\"code\":" + chatStatus + "}}");
            return;
        }
        String id = "chatcmpl-1";
        StringBuilder sse = new StringBuilder();
        sse.append(event("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}"));
        sse.append(event("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"done\"},\"finish_reason\":null}]}"));
        sse.append(event("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\".\"},\"finish_reason\":\"stop\"}]}"));
        sse.append(event("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":"
                + "{\"prompt_tokens\":" + words + ",\"completion_tokens\":2,\"total_tokens\":" + (words + 2) + "}}"));
        sse.append("data: [DONE]\n\n");
        send(ex, 200, "text/event-stream", sse.toString());
    }

    private static String event(String json) {
        return "data: " + json + "\n\n";
    }

    private void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
