package dev.modelgate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.catalog.Secret;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Waits until an OpenAI-compatible server is ready: {@code /health} answers 200 and
 * {@code /v1/models} lists the served name. While it waits it watches the process (an exit ends
 * the wait at once) and prints progress; on timeout the message says what it waited for.
 */
public final class Readiness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(10))
            .retryOnConnectionFailure(false)
            .build();

    private final URI baseUrl;
    private final String servedName;
    private final Optional<Secret> apiKey;
    private String healthPath = "/health";

    public Readiness(URI baseUrl, String servedName, Optional<Secret> apiKey) {
        this.baseUrl = baseUrl;
        this.servedName = servedName;
        this.apiKey = apiKey;
    }

    /** Another health path, e.g. {@code /api/version} for Ollama; {@code null} skips the health check. */
    public Readiness healthPath(String path) {
        this.healthPath = path;
        return this;
    }

    /**
     * Waits for readiness.
     *
     * @param child   the server process, watched for an early exit; may be {@code null}
     * @param label   how the console names the candidate
     * @throws BootFailure on exit, timeout, or a server that does not serve the model
     */
    public void await(ChildProcess child, Duration timeout, String label, Consumer<String> console) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        String lastState = "no answer yet";
        int mismatches = 0;
        while (true) {
            if (child != null && !child.alive()) {
                throw child.exitedBefore(child.portTaken() ? BootFailure.Kind.PORT_IN_USE : BootFailure.Kind.EXITED,
                        label, "server", "it was ready (" + lastState + ")");
            }
            Optional<List<String>> served = probe();
            if (served.isPresent()) {
                if (served.get().contains(servedName)) {
                    return;
                }
                lastState = "/v1/models lists " + served.get() + ", not '" + servedName + "'";
                if (child == null) {
                    throw new BootFailure(BootFailure.Kind.NOT_SERVED, "the server at " + baseUrl + " does not serve '"
                            + servedName + "'; it serves " + served.get()
                            + ". Use one of those ids or set engine.servedName.");
                }
                // A started server that answers /health and lists its models has its final list:
                // seen twice in a row (and the process still up), waiting longer cannot help.
                if (++mismatches >= 2 && child.alive()) {
                    throw new BootFailure(BootFailure.Kind.NOT_SERVED, label + ": the server is up but does not serve '"
                            + servedName + "'; /v1/models lists " + served.get() + ". " + servedNameHint(child)
                            + "\nLast log lines:\n" + child.tail(20), OptionalInt.empty(), Optional.of(child.log()));
                }
            } else {
                mismatches = 0;
                lastState = lastProbeState;
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                String tail = child == null ? "" : "\nLast log lines:\n" + child.tail(40);
                throw new BootFailure(child == null ? BootFailure.Kind.UNREACHABLE : BootFailure.Kind.TIMEOUT,
                        label + ": timed out after " + timeout.toSeconds() + " s waiting for "
                                + (healthPath == null ? "" : baseUrl + healthPath + " to return 200 and ")
                                + baseUrl + "/v1/models to list '" + servedName + "' (last: " + lastState + ")" + tail,
                        OptionalInt.empty(), child == null ? Optional.empty() : Optional.of(child.log()));
            }
            if (now >= nextProgress) {
                String lastLine = child == null ? "" : "; log: " + lastLine(child.tail(1));
                console.accept("[modelgate] " + label + ": waiting for readiness, "
                        + TimeUnit.NANOSECONDS.toSeconds(now - start) + " s (" + lastState + ")" + lastLine);
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BootFailure(BootFailure.Kind.TIMEOUT, label + ": interrupted while waiting for readiness");
            }
        }
    }

    private String lastProbeState = "no answer yet";

    /** The served model ids when healthy; empty while not ready. */
    private Optional<List<String>> probe() {
        try {
            if (healthPath != null) {
                try (Response health = http.newCall(request(healthPath)).execute()) {
                    if (health.code() != 200) {
                        lastProbeState = healthPath + " answered " + health.code();
                        return Optional.empty();
                    }
                }
            }
            try (Response models = http.newCall(request("/v1/models")).execute()) {
                if (models.code() != 200) {
                    lastProbeState = "/v1/models answered " + models.code();
                    if (models.code() == 401) {
                        throw new BootFailure(BootFailure.Kind.INVALID, "the server at " + baseUrl
                                + " refused the API key (401); set modelgate.apiKey or MODELGATE_API_KEY");
                    }
                    return Optional.empty();
                }
                JsonNode tree = JSON.readTree(models.body().string());
                List<String> ids = new ArrayList<>();
                tree.path("data").forEach(card -> ids.add(card.path("id").asText()));
                return Optional.of(ids);
            }
        } catch (IOException e) {
            lastProbeState = "connection: " + e.getMessage();
            return Optional.empty();
        }
    }

    private Request request(String path) {
        Request.Builder b = new Request.Builder().url(baseUrl + path);
        apiKey.ifPresent(k -> b.header("Authorization", "Bearer " + k.reveal()));
        return b.build();
    }

    /** What to change when a started server serves another name than the one asked for. */
    private String servedNameHint(ChildProcess child) {
        String flag = "--served-model-name";
        String command = child.commandLine();
        int first = command.indexOf(flag);
        if (first >= 0 && command.indexOf(flag, first + flag.length()) >= 0) {
            return "The command line sets " + flag + " twice and the server took the last one: remove " + flag
                    + " from engine.args and set engine.servedName instead.";
        }
        return "Set engine.servedName to the name the server uses.";
    }

    private static String lastLine(String tail) {
        String l = tail.strip();
        return l.length() > 160 ? l.substring(0, 160) + "…" : l;
    }

    /** The version a vLLM-compatible server reports at {@code /version}, if any. */
    public Optional<String> version() {
        try (Response r = http.newCall(request("/version")).execute()) {
            if (r.code() == 200) {
                return Optional.ofNullable(JSON.readTree(r.body().string()).path("version").asText(null));
            }
        } catch (IOException | RuntimeException ignored) {
            // no version endpoint
        }
        return Optional.empty();
    }
}
