package dev.modelgate.engine.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Ollama's own REST API ({@code /api/*}), the parts the engine needs: version, show, pull (NDJSON
 * progress), generate (to load and unload a model) and ps (what is loaded, and its memory).
 */
final class OllamaRest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final URI base;
    private final OkHttpClient http;

    OllamaRest(URI base) {
        this.base = base;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofMinutes(10)) // a pull may pause between lines; a load may take minutes
                .retryOnConnectionFailure(false)
                .build();
    }

    URI base() {
        return base;
    }

    /** {@code GET /api/version}; empty when nothing answers. */
    Optional<String> version() {
        try (Response r = http.newBuilder().readTimeout(Duration.ofSeconds(2)).build()
                .newCall(new Request.Builder().url(base + "/api/version").build()).execute()) {
            if (!r.isSuccessful()) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(r.body().string()).path("version").asText("unknown"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code POST /api/show}; empty when Ollama does not have the model (404). */
    Optional<JsonNode> show(String model) throws IOException {
        try (Response r = post("/api/show", JSON.createObjectNode().put("model", model))) {
            if (r.code() == 404) {
                return Optional.empty();
            }
            return Optional.of(readOk(r, "/api/show"));
        }
    }

    /**
     * {@code POST /api/pull} with streaming: every NDJSON line goes to {@code progress}.
     *
     * @throws OllamaError when Ollama reports an error line or an error status
     */
    void pull(String model, Consumer<JsonNode> progress) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", true);
        try (Response r = post("/api/pull", body)) {
            if (!r.isSuccessful()) {
                throw new OllamaError("/api/pull answered HTTP " + r.code() + ": " + r.body().string());
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(r.body().byteStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = JSON.readTree(line);
                if (event.has("error")) {
                    throw new OllamaError(event.path("error").asText());
                }
                progress.accept(event);
            }
        }
    }

    /**
     * Loads the model into memory ({@code POST /api/generate} without a prompt), or unloads it
     * with {@code keep_alive: 0}.
     */
    void load(String model, boolean unload) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", false);
        if (unload) {
            body.put("keep_alive", 0);
        }
        try (Response r = post("/api/generate", body)) {
            readOk(r, "/api/generate");
        }
    }

    /** The model's entry in {@code GET /api/ps}, if it is loaded. */
    Optional<OllamaProcessStatus> ps(String model) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(base + "/api/ps").build()).execute()) {
            for (JsonNode m : readOk(r, "/api/ps").path("models")) {
                if (model.equals(m.path("name").asText()) || model.equals(m.path("model").asText())) {
                    return Optional.of(new OllamaProcessStatus(m.path("size").asLong(-1),
                            m.path("size_vram").asLong(-1),
                            m.path("context_length").canConvertToInt() ? m.path("context_length").asInt() : -1));
                }
            }
            return Optional.empty();
        }
    }

    private Response post(String path, JsonNode body) throws IOException {
        return http.newCall(new Request.Builder().url(base + path)
                .post(RequestBody.create(body.toString(), JSON_TYPE)).build()).execute();
    }

    private static JsonNode readOk(Response r, String path) throws IOException {
        String text = r.body().string();
        if (!r.isSuccessful()) {
            String message = text;
            try {
                message = JSON.readTree(text).path("error").asText(text);
            } catch (IOException ignored) {
                // not JSON
            }
            throw new OllamaError(path + " answered HTTP " + r.code() + ": " + message);
        }
        return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Ollama said no, in its own words. */
    static final class OllamaError extends IOException {
        OllamaError(String message) {
            super(message);
        }
    }
}
