package dev.modelgate.engine.llamacpp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The process the {@code llamacpp} engine starts: loads a GGUF file into llama.cpp (through
 * {@code de.kherud:llama}) and serves it on loopback through {@link OpenAiServer}. It runs in its
 * own JVM because the binding cannot be unloaded (a native thread outlives {@code close()}), so
 * the engine stops it like any other server: TERM, then KILL. It also exits when the JVM that
 * started it is gone, so it never outlives a run that was killed outright.
 *
 * <p>Exit codes: 2 bad arguments, 3 the model could not be loaded, 4 the port could not be opened.
 */
public final class LlamaServerMain {

    private LlamaServerMain() {
    }

    public static void main(String[] args) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("modelgate llama.cpp server: " + e.getMessage());
            System.exit(2);
            return;
        }
        options.parentPid().ifPresent(LlamaServerMain::exitWithParent);
        long rssBefore = residentBytes();
        long start = System.nanoTime();
        LlamaModel model;
        try {
            Files.deleteIfExists(options.nativeLog());
            model = new LlamaModel(new ModelParameters()
                    .setModel(options.gguf().toString())
                    .setThreads(options.threads())
                    .setThreadsBatch(options.threads())
                    .setCtxSize(options.contextSize())
                    .setLogFile(options.nativeLog().toString()));
        } catch (RuntimeException | LinkageError | IOException e) {
            System.err.println("modelgate llama.cpp server: cannot load " + options.gguf() + ": " + e);
            System.exit(3);
            return;
        }
        long loadNanos = System.nanoTime() - start;
        NativeLog log = new NativeLog(options.nativeLog());
        Generator generator = new Generator(model, log, options.contextSize());
        generator.warmUp();
        long rssAfter = residentBytes();
        String version = "llama.cpp " + log.build().orElse("(build unknown)") + " via de.kherud:llama "
                + NativeLibrary.bindingVersion().orElse("(version unknown)");
        Optional<String> apiKey = Optional.ofNullable(System.getenv(ServerOptions.API_KEY_ENV)).filter(k -> !k.isBlank());
        Optional<GgufFile> gguf = readHeader(options.gguf());
        OpenAiServer server;
        try {
            server = new OpenAiServer(options, generator, version, apiKey,
                    () -> info(options, version, gguf, loadNanos, rssBefore, rssAfter));
        } catch (IOException e) {
            System.err.println("modelgate llama.cpp server: cannot listen on " + options.host() + ":" + options.port()
                    + ": " + e);
            System.exit(4);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-http"));
        server.start();
        System.out.printf("modelgate llama.cpp server: %s loaded in %.0f ms (%d thread%s, context %d), serving '%s' at"
                        + " http://%s:%d (%s)%n", options.gguf().getFileName(), loadNanos / 1e6, options.threads(),
                options.threads() == 1 ? "" : "s", options.contextSize(), options.servedName(), options.host(),
                server.port(), version);
    }

    private static ObjectNode info(ServerOptions options, String version, Optional<GgufFile> gguf, long loadNanos,
                                   long rssBefore, long rssAfter) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("engine", "llamacpp");
        info.put("version", version);
        info.put("gguf", options.gguf().toString());
        info.put("threads", options.threads());
        info.put("contextSize", options.contextSize());
        info.put("loadMillis", Math.round(loadNanos / 1e6));
        gguf.ifPresent(g -> {
            info.put("quantization", g.quantization());
            g.architecture().ifPresent(a -> info.put("architecture", a));
            g.trainedContextLength().ifPresent(n -> info.put("trainedContextLength", n));
            info.put("chatTemplate", g.hasChatTemplate() ? "from the GGUF file"
                    : "none in the GGUF file: llama.cpp's ChatML fallback");
        });
        putBytes(info, "rssBeforeLoadBytes", rssBefore);
        putBytes(info, "rssAfterLoadBytes", rssAfter);
        putBytes(info, "rssNowBytes", residentBytes());
        info.put("pid", ProcessHandle.current().pid());
        return info;
    }

    private static void putBytes(ObjectNode info, String field, long bytes) {
        if (bytes >= 0) {
            info.put(field, bytes);
        }
    }

    private static Optional<GgufFile> readHeader(Path gguf) {
        try {
            return Optional.of(GgufFile.read(gguf));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** This process's resident set size from {@code /proc/self/status}; -1 where there is none. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static void exitWithParent(long pid) {
        ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    System.err.println("modelgate llama.cpp server: the process that started it (" + pid
                            + ") has exited; stopping");
                    System.exit(0);
                }),
                () -> {
                    System.err.println("modelgate llama.cpp server: the process that started it (" + pid
                            + ") is already gone");
                    System.exit(0);
                });
    }
}
