package dev.modelgate.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Ollama's own endpoints for the Ollama dialect: {@code /api/version}, {@code /api/tags},
 * {@code /api/ps}, {@code /api/show} and {@code /api/pull} (NDJSON progress).
 */
final class OllamaApi {

    private final VllmSimulator sim;

    OllamaApi(VllmSimulator sim) {
        this.sim = sim;
    }

    /** Answers {@code path} if it is one of Ollama's endpoints; false otherwise. */
    boolean handle(String path, HttpExchange exchange) throws IOException {
        SimScript script = sim.script();
        SimScript.Ollama info = script.ollama();
        switch (path) {
            case "/api/version" -> sim.sendJson(exchange, 200, Chunks.NODES.objectNode().put("version", script.version()));
            case "/api/tags" -> {
                ObjectNode body = Chunks.NODES.objectNode();
                ObjectNode m = body.putArray("models").addObject();
                describe(m, script, info);
                m.put("modified_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                sim.sendJson(exchange, 200, body);
            }
            case "/api/ps" -> {
                ObjectNode body = Chunks.NODES.objectNode();
                ObjectNode m = body.putArray("models").addObject();
                describe(m, script, info);
                m.put("size_vram", info.sizeVramBytes());
                m.put("context_length", script.maxModelLen());
                m.put("expires_at", Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
                sim.sendJson(exchange, 200, body);
            }
            case "/api/show" -> {
                JsonNode request = SimScript.JSON.readTree(exchange.getRequestBody());
                String asked = request.path("model").asText(request.path("name").asText(""));
                if (!asked.equals(script.servedName())) {
                    sim.sendJson(exchange, 404, Chunks.NODES.objectNode().put("error", "model '" + asked + "' not found"));
                    return true;
                }
                ObjectNode body = Chunks.NODES.objectNode();
                info.capabilities().forEach(body.putArray("capabilities")::add);
                ObjectNode modelInfo = body.putObject("model_info");
                modelInfo.put("general.architecture", info.architecture());
                modelInfo.put(info.architecture() + ".context_length", script.maxModelLen());
                body.putObject("details").put("format", "gguf").put("family", info.architecture());
                sim.sendJson(exchange, 200, body);
            }
            case "/api/pull" -> pull(exchange, info);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void describe(ObjectNode m, SimScript script, SimScript.Ollama info) {
        m.put("name", script.servedName());
        m.put("model", script.servedName());
        m.put("size", info.sizeBytes());
        m.put("digest", "sha256:" + "0".repeat(64));
        m.putObject("details").put("format", "gguf").put("family", info.architecture());
    }

    private static void pull(HttpExchange exchange, SimScript.Ollama info) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        line(out, Chunks.NODES.objectNode().put("status", "pulling manifest"));
        String digest = "sha256:" + "0".repeat(64);
        for (int step = 0; step <= 4; step++) {
            line(out, Chunks.NODES.objectNode().put("status", "pulling " + digest.substring(7, 19))
                    .put("digest", digest).put("total", info.sizeBytes()).put("completed", info.sizeBytes() * step / 4));
        }
        line(out, Chunks.NODES.objectNode().put("status", "verifying sha256 digest"));
        line(out, Chunks.NODES.objectNode().put("status", "writing manifest"));
        line(out, Chunks.NODES.objectNode().put("status", "success"));
        out.close();
    }

    private static void line(OutputStream out, JsonNode json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
