package dev.modelgate.engine.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.Engine;
import dev.modelgate.engine.EngineContext;
import dev.modelgate.engine.EngineSettings;
import dev.modelgate.engine.Ports;
import dev.modelgate.engine.ProcessModel;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.engine.ServerLaunch;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Serves a GGUF file with llama.cpp on the CPU ({@code engine.type: llamacpp}): no GPU, no
 * Python, nothing to install besides this project. The model runs in a child JVM
 * ({@link LlamaServerMain}, same class path) behind an OpenAI-compatible endpoint on loopback, so
 * the same client measures it as any other engine, and it is stopped like any other server.
 *
 * <p>Candidate fields: {@code engine.gguf} (see {@link GgufLocator}), {@code engine.sha256},
 * {@code engine.env} (added to the child's environment),
 * {@code engine.threads} (default 1: on small machines one thread is fastest for small models;
 * {@code -Dmodelgate.threads=N} overrides every candidate), {@code engine.contextLength} (default:
 * the trained context of the file, at most {@value #DEFAULT_MAX_CONTEXT} tokens).
 */
public final class LlamaCppEngine implements Engine {

    public static final String TYPE = "llamacpp";
    static final int DEFAULT_THREADS = 1;
    static final int DEFAULT_MAX_CONTEXT = 16384;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RunningModel start(Candidate candidate, EngineContext context) {
        LlamaBinding.require(candidate.id(), LlamaCppEngine.class.getClassLoader());
        Settings settings = context.settings();
        GgufLocator locator = GgufLocator.of(settings, context.console());
        Path gguf = locator.locate(candidate).toAbsolutePath();
        GgufFile header = header(candidate.id(), gguf);
        int contextSize = contextSize(candidate, header, context);
        int threads = threads(candidate, settings);
        String served = candidate.servedName();
        int port = Ports.free();
        ServerOptions options = new ServerOptions(gguf, "127.0.0.1", port, served, threads, contextSize,
                context.workDir().resolve("llamacpp-native.log").toAbsolutePath(),
                OptionalLong.of(ProcessHandle.current().pid()));
        Optional<Path> nativeDir = NativeLibrary.extract(locator.cache());
        List<String> command = command(options, nativeDir);
        if (!candidate.engine().args().isEmpty()) {
            context.console().accept("[modelgate] " + candidate.id() + ": engine.args " + candidate.engine().args()
                    + " are ignored by the llamacpp engine (use engine.threads and engine.contextLength)");
        }
        Map<String, String> env = new HashMap<>(candidate.engine().env());
        Secret.registerSecretLike(env);
        env.put("CLASSPATH", System.getProperty("java.class.path"));
        context.apiKey().ifPresent(k -> env.put(ServerOptions.API_KEY_ENV, k.reveal()));

        String announcement = "starting llama.cpp on " + gguf.getFileName() + " (" + header.quantization() + ", "
                + threads + " thread" + (threads == 1 ? "" : "s") + ", context " + contextSize + ")";
        return ServerLaunch.on(candidate, context, port).grace(STOP_GRACE).announce(announcement)
                .start(command, env, "llamacpp.log", ready -> {
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("gguf", gguf.toString());
                    if (candidate.engine().sha256() != null) {
                        details.put("sha256", candidate.engine().sha256());
                    }
                    details.put("threads", String.valueOf(threads));
                    details.put("contextSize", String.valueOf(contextSize));
                    details.put("quantization", header.quantization());
                    header.architecture().ifPresent(a -> details.put("architecture", a));
                    details.put("chatTemplate", header.hasChatTemplate() ? "from the GGUF file"
                            : "none in the GGUF file: llama.cpp's ChatML fallback");
                    details.putAll(serverInfo(ready.baseUrl()));
                    return ProcessModel.of(candidate.id(), TYPE, served, ready, details);
                });
    }

    /** The child's command line (its class path travels in {@code CLASSPATH}, keeping this line readable). */
    static List<String> command(ServerOptions options, Optional<Path> nativeDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Dsun.net.httpserver.nodelay=true"));
        nativeDir.ifPresent(dir -> {
            command.add("-D" + NativeLibrary.LIB_PATH + "=" + dir);
            command.add("-D" + NativeLibrary.TMP_DIR + "=" + dir);
        });
        command.add(LlamaServerMain.class.getName());
        command.addAll(options.toArgs());
        return command;
    }

    private static GgufFile header(String id, Path gguf) {
        try {
            return GgufFile.read(gguf);
        } catch (IOException e) {
            throw new BootFailure(BootFailure.Kind.INVALID, id + ": engine.gguf " + gguf + " cannot be used: "
                    + e.getMessage());
        }
    }

    static int contextSize(Candidate candidate, GgufFile header, EngineContext context) {
        Integer configured = candidate.engine().contextLength();
        if (configured != null) {
            return configured;
        }
        int trained = header.trainedContextLength().orElse(4096);
        if (trained > DEFAULT_MAX_CONTEXT) {
            context.console().accept("[modelgate] " + candidate.id() + ": the model was trained for " + trained
                    + " tokens of context; serving " + DEFAULT_MAX_CONTEXT + " to keep the KV cache small. Set"
                    + " engine.contextLength to serve more.");
            return DEFAULT_MAX_CONTEXT;
        }
        return trained;
    }

    static int threads(Candidate candidate, Settings settings) {
        Integer own = candidate.engine().threads();
        int threads = settings.getInt(EngineSettings.THREADS, own == null ? DEFAULT_THREADS : own);
        if (threads < 1) {
            throw new BootFailure(BootFailure.Kind.INVALID, candidate.id() + ": " + EngineSettings.THREADS + "="
                    + threads + " is not a thread count; use 1 or more");
        }
        return threads;
    }

    /** What the server reports about itself at {@code /modelgate/info}, flattened for the result file. */
    private static Map<String, String> serverInfo(URI base) {
        Map<String, String> out = new LinkedHashMap<>();
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
        try (Response r = http.newCall(new Request.Builder().url(base + "/modelgate/info").build()).execute()) {
            if (r.isSuccessful()) {
                JsonNode info = JSON.readTree(r.body().string());
                for (String field : List.of("loadMillis", "rssBeforeLoadBytes", "rssAfterLoadBytes")) {
                    if (info.has(field)) {
                        out.put(field, info.get(field).asText());
                    }
                }
            }
        } catch (IOException e) {
            // reported without them
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        return out;
    }
}
