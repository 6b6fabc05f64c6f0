package dev.modelgate.engine.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.Engine;
import dev.modelgate.engine.EngineContext;
import dev.modelgate.engine.EngineSettings;
import dev.modelgate.engine.Readiness;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.engine.VllmEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Serves a candidate with Ollama ({@code engine.type: ollama}, {@code engine.ollamaModel: gemma3:4b}).
 * Uses the Ollama server at {@code engine.url}, else {@code OLLAMA_HOST}, else
 * {@code 127.0.0.1:11434}; when none answers and the {@code ollama} executable is installed
 * ({@value EngineSettings#OLLAMA} or the PATH), starts {@code ollama serve} there and stops it
 * afterwards. Pulls the model if Ollama does not have it (progress on the console), loads it,
 * and reads its capabilities, context and memory from {@code /api/show} and {@code /api/ps}.
 * Measurements go through Ollama's OpenAI-compatible {@code /v1} endpoint; {@link OllamaModel#dialect()}
 * says what that endpoint ignores ({@code tool_choice}, {@code ignore_eos}, …).
 */
public final class OllamaEngine implements Engine {

    public static final String TYPE = "ollama";
    private static final Duration SERVER_START = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RunningModel start(Candidate candidate, EngineContext context) {
        String id = candidate.id();
        Consumer<String> console = context.console();
        OllamaHost host = candidate.engine().url() != null
                ? OllamaHost.parse(Optional.of(candidate.engine().url()))
                : OllamaHost.parse(Optional.ofNullable(System.getenv("OLLAMA_HOST")));
        String model = modelTag(candidate);
        long start = System.nanoTime();
        OllamaRest rest = new OllamaRest(host.url());
        Optional<ChildProcess> server = Optional.empty();
        try {
            Optional<String> version = rest.version();
            if (version.isEmpty()) {
                server = Optional.of(startServer(candidate, context, host));
                version = awaitServer(id, rest, server.get());
            }
            console.accept("[modelgate] " + id + ": Ollama " + version.get() + " at " + host.url()
                    + (server.isPresent() ? " (started by this run)" : ""));
            JsonNode show = rest.show(model).orElse(null);
            if (show == null) {
                console.accept("[modelgate] " + id + ": Ollama does not have " + model + "; pulling it");
                rest.pull(model, new PullProgress("[modelgate] " + id + ": ollama pull " + model + ": ", console));
                show = rest.show(model).orElseThrow(() -> new BootFailure(BootFailure.Kind.NOT_SERVED, id + ": Ollama"
                        + " reported the pull of " + model + " as done but does not show the model"));
            }
            boolean loadedBefore = rest.ps(model).isPresent();
            console.accept("[modelgate] " + id + ": loading " + model);
            rest.load(model, false);
            new Readiness(host.url(), model, Optional.empty()).healthPath("/api/version")
                    .await(server.orElse(null), Duration.ofSeconds(30), id, console);
            Duration boot = Duration.ofNanos(System.nanoTime() - start);
            Map<String, String> details = details(host, model, show, rest.ps(model));
            warnOnDisagreement(candidate, details, console);
            console.accept("[modelgate] " + id + ": ready at " + host.url() + " after " + boot.toMillis() / 1000.0
                    + " s");
            return new OllamaModel(id, rest, model, server, !loadedBefore, boot, version, details);
        } catch (IOException e) {
            server.ifPresent(ChildProcess::close);
            rest.close();
            throw new BootFailure(BootFailure.Kind.NOT_SERVED, id + ": Ollama at " + host.url() + " cannot serve "
                    + model + ": " + e.getMessage(), OptionalInt.empty(), server.map(ChildProcess::log));
        } catch (RuntimeException e) {
            server.ifPresent(ChildProcess::close);
            rest.close();
            throw e;
        }
    }

    /** The Ollama model tag: {@code engine.ollamaModel}, else the candidate id; {@code :latest} when untagged. */
    static String modelTag(Candidate candidate) {
        String tag = candidate.engine().ollamaModel() != null ? candidate.engine().ollamaModel() : candidate.id();
        String name = tag.substring(tag.lastIndexOf('/') + 1);
        return name.contains(":") ? tag : tag + ":latest";
    }

    private static ChildProcess startServer(Candidate candidate, EngineContext context, OllamaHost host) {
        String executable = context.settings().get(EngineSettings.OLLAMA)
                .or(() -> VllmEngine.onPath("ollama").map(Path::toString))
                .orElseThrow(() -> new BootFailure(BootFailure.Kind.NOT_INSTALLED, candidate.id() + ": no Ollama answers"
                        + " at " + host.url() + " and the ollama executable is not installed. Install it"
                        + " (https://ollama.com/download) or start 'ollama serve', set OLLAMA_HOST if it listens"
                        + " elsewhere, or point -D" + EngineSettings.OLLAMA + "=/path/to/ollama at it"));
        Map<String, String> env = new HashMap<>(candidate.engine().env());
        env.put("OLLAMA_HOST", host.bind());
        if (candidate.engine().contextLength() != null) {
            env.put("OLLAMA_CONTEXT_LENGTH", String.valueOf(candidate.engine().contextLength()));
        }
        List<String> command = new ArrayList<>(List.of(executable, "serve"));
        context.console().accept("[modelgate] " + candidate.id() + ": no Ollama at " + host.url() + "; starting "
                + executable + " serve");
        return ChildProcess.start(command, env, context.workDir().resolve("ollama.log"), STOP_GRACE);
    }

    private static Optional<String> awaitServer(String id, OllamaRest rest, ChildProcess server) {
        long deadline = System.nanoTime() + SERVER_START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.alive()) {
                throw server.exitedBefore(BootFailure.Kind.EXITED, id, "'ollama serve'", "it answered");
            }
            Optional<String> version = rest.version();
            if (version.isPresent()) {
                return version;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.close();
        throw new BootFailure(BootFailure.Kind.TIMEOUT, id + ": 'ollama serve' did not answer at " + rest.base()
                + "/api/version within " + SERVER_START.toSeconds() + " s\nLast log lines:\n" + server.tail(40),
                OptionalInt.empty(), Optional.of(server.log()));
    }

    /** What Ollama says about the model, flattened for the result file. */
    static Map<String, String> details(OllamaHost host, String model, JsonNode show,
                                       Optional<OllamaProcessStatus> ps) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("url", host.url().toString());
        d.put("ollamaModel", model);
        List<String> capabilities = new ArrayList<>();
        show.path("capabilities").forEach(c -> capabilities.add(c.asText()));
        d.put("capabilities", String.join(",", capabilities));
        d.put("tools", String.valueOf(capabilities.contains("tools")));
        d.put("vision", String.valueOf(capabilities.contains("vision")));
        JsonNode info = show.path("model_info");
        String architecture = info.path("general.architecture").asText("");
        if (!architecture.isEmpty()) {
            d.put("architecture", architecture);
            JsonNode trained = info.path(architecture + ".context_length");
            if (trained.canConvertToInt()) {
                d.put("trainedContextLength", trained.asText());
            }
        }
        JsonNode shown = show.path("details");
        putIfPresent(d, "family", shown.path("family"));
        putIfPresent(d, "parameterSize", shown.path("parameter_size"));
        putIfPresent(d, "quantization", shown.path("quantization_level"));
        ps.ifPresent(p -> {
            d.put("sizeBytes", String.valueOf(p.sizeBytes()));
            d.put("sizeVramBytes", String.valueOf(p.sizeVramBytes()));
            if (p.contextLength() > 0) {
                d.put("contextLength", String.valueOf(p.contextLength()));
            }
        });
        return d;
    }

    private static void putIfPresent(Map<String, String> d, String key, JsonNode value) {
        if (value.isValueNode() && !value.asText().isEmpty()) {
            d.put(key, value.asText());
        }
    }

    /** Says so on the console when Ollama's capabilities contradict the candidate's declared facts. */
    private static void warnOnDisagreement(Candidate candidate, Map<String, String> details, Consumer<String> console) {
        boolean declaredVision = candidate.facts().accepts("image");
        boolean servedVision = Boolean.parseBoolean(details.get("vision"));
        if (declaredVision != servedVision && !candidate.adHoc()) {
            console.accept("[modelgate] " + candidate.id() + ": the candidate declares " + (declaredVision ? "" : "no ")
                    + "image input but Ollama reports " + (servedVision ? "" : "no ")
                    + "'vision' capability for " + details.get("ollamaModel"));
        }
    }
}
