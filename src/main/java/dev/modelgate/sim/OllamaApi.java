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
 * {@code /api/ps}, {@code /api/show}, {@code /api/pull} (NDJSON progress) and
 * {@code /api/generate} (an empty prompt loads the model; {@code keep_alive: 0} unloads it).
 * The model is pulled and loaded from the start unless the script says otherwise.
 */
final class OllamaApi {

    private final VllmSimulator sim;
    private final java.util.concurrent.atomic.AtomicBoolean pulled;
    private final java.util.concurrent.atomic.AtomicBoolean loaded;

    OllamaApi(VllmSimulator sim) {
        this.sim = sim;
        this.pulled = new java.util.concurrent.atomic.AtomicBoolean(sim.script().ollama().pulled());
        this.loaded = new java.util.concurrent.atomic.AtomicBoolean(sim.script().ollama().loaded());
    }

    /** Whether the served model has been pulled (chat requests for it answer 404 until then). */
    boolean pulled() {
        return pulled.get();
    }

    /** A chat request loads the model, as in Ollama. */
    void used() {
        loaded.set(true);
    }

    /** Answers {@code path} if it is one of Ollama's endpoints; false otherwise. */
    boolean handle(String path, HttpExchange exchange) throws IOException {
        SimScript script = sim.script();
        SimScript.Ollama info = script.ollama();
        switch (path) {
            case "/api/version" -> sim.sendJson(exchange, 200, Chunks.NODES.objectNode().put("version", script.version()));
            case "/api/tags" -> {
                ObjectNode body = Chunks.NODES.objectNode();
                if (!pulled.get()) {
                    body.putArray("models");
                    sim.sendJson(exchange, 200, body);
                    return true;
                }
                ObjectNode m = body.putArray("models").addObject();
                describe(m, script, info);
                m.put("modified_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                sim.sendJson(exchange, 200, body);
            }
            case "/api/ps" -> {
                ObjectNode body = Chunks.NODES.objectNode();
                if (!loaded.get()) {
                    body.putArray("models");
                    sim.sendJson(exchange, 200, body);
                    return true;
                }
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
                if (!asked.equals(script.servedName()) || !pulled.get()) {
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
            case "/api/pull" -> {
                pull(exchange, info);
                pulled.set(true);
            }
            case "/api/generate" -> generate(exchange, script);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Loads or unloads the model; Ollama answers a prompt-less request with {@code done_reason} load/unload. */
    private void generate(HttpExchange exchange, SimScript script) throws IOException {
        JsonNode request = SimScript.JSON.readTree(exchange.getRequestBody());
        String asked = request.path("model").asText("");
        if (!asked.equals(script.servedName()) || !pulled.get()) {
            sim.sendJson(exchange, 404, Chunks.NODES.objectNode().put("error", "model '" + asked + "' not found,"
                    + " try pulling it first"));
            return;
        }
        JsonNode keepAlive = request.get("keep_alive");
        boolean unload = keepAlive != null && keepAlive.asText().matches("0+(s|m|h)?");
        loaded.set(!unload);
        sim.sendJson(exchange, 200, Chunks.NODES.objectNode().put("model", asked)
                .put("created_at", Instant.now().toString()).put("response", "").put("done", true)
                .put("done_reason", unload ? "unload" : "load"));
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
