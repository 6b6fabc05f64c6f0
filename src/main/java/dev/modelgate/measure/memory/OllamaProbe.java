package dev.modelgate.measure.memory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Memory of a model served by Ollama: {@code size_vram} (and {@code size}) from {@code GET /api/ps}. */
final class OllamaProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private OllamaProbe() {
    }

    static MemoryReading measure(URI baseUrl, String tag) {
        URI ps = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/api/ps");
        String body;
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(ps).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new CannotMeasure("GET " + ps + " answered HTTP " + response.statusCode() + ": "
                        + response.body());
            }
            body = response.body();
        } catch (IOException e) {
            throw new CannotMeasure("GET " + ps + " failed: " + e.getMessage() + " (is this an Ollama server?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotMeasure("interrupted while asking " + ps);
        }
        Map<String, String> outputs = Map.of("GET " + ps, body);
        List<OllamaModel> models;
        try {
            models = OllamaModel.parse(body);
        } catch (IllegalArgumentException e) {
            throw new CannotMeasure(e.getMessage(), outputs);
        }
        OllamaModel m = models.stream().filter(x -> x.is(tag)).findFirst().orElseThrow(() -> new CannotMeasure(
                "Ollama's /api/ps lists no loaded model '" + tag + "'; loaded: " + (models.isEmpty() ? "none"
                        : models.stream().map(OllamaModel::name).collect(Collectors.joining(", ")))
                        + " (Ollama unloads a model after its keep_alive; measure right after a request)", outputs));
        if (m.sizeBytes() <= 0) {
            throw new CannotMeasure("Ollama's /api/ps gives no size for '" + tag + "'", outputs);
        }
        double vram = Gib.ofBytes(m.sizeVramBytes());
        double size = Gib.ofBytes(m.sizeBytes());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sizeGiB", Gib.round(size));
        details.put("sizeVramGiB", Gib.round(vram));
        m.contextLength().ifPresent(c -> details.put("contextLength", c));
        String note;
        double value;
        if (m.sizeVramBytes() <= 0) {
            value = size;
            note = "Ollama holds '" + m.name() + "' entirely in system memory (size_vram 0): its size "
                    + Gib.format(size) + " is the footprint";
        } else {
            value = vram;
            note = "Ollama /api/ps: size_vram " + Gib.format(vram) + " of size " + Gib.format(size)
                    + (m.sizeVramBytes() < m.sizeBytes() ? " (" + Gib.format(size - vram)
                    + " in system memory: the model does not fit the GPU entirely)" : " (all in GPU memory)");
        }
        return new MemoryReading(value, MemoryReading.OLLAMA_API_PS, details, List.of(note), outputs);
    }
}
