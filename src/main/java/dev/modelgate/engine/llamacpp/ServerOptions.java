package dev.modelgate.engine.llamacpp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The command line of {@link LlamaServerMain}. The API key, if any, comes from the environment
 * variable {@value #API_KEY_ENV}, never from the command line.
 *
 * @param gguf        the model file
 * @param host        the address to listen on (loopback)
 * @param port        the port to listen on
 * @param servedName  the model id the server lists and accepts
 * @param threads     CPU threads for llama.cpp
 * @param contextSize context window in tokens (llama.cpp {@code n_ctx})
 * @param nativeLog   file llama.cpp writes its log to; the server reads token counts from it
 * @param parentPid   a process whose exit ends the server too (the JVM that started it)
 */
record ServerOptions(Path gguf, String host, int port, String servedName, int threads, int contextSize,
                     Path nativeLog, OptionalLong parentPid) {

    static final String API_KEY_ENV = "MODELGATE_LLAMACPP_API_KEY";

    /** The arguments that {@link #parse} reads back. */
    List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--gguf", gguf.toString(), "--host", host, "--port",
                String.valueOf(port), "--served-name", servedName, "--threads", String.valueOf(threads),
                "--ctx-size", String.valueOf(contextSize), "--native-log", nativeLog.toString()));
        parentPid.ifPresent(pid -> args.addAll(List.of("--parent-pid", String.valueOf(pid))));
        return args;
    }

    /**
     * Parses {@code --name value} pairs.
     *
     * @throws IllegalArgumentException naming the argument that is missing, unknown or malformed
     */
    static ServerOptions parse(String[] args) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + name + "'");
            }
            values.put(name.substring(2), args[++i]);
        }
        List<String> known = List.of("gguf", "host", "port", "served-name", "threads", "ctx-size", "native-log",
                "parent-pid");
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown argument --" + name + "; known: --" + String.join(", --", known));
            }
        }
        String parent = values.get("parent-pid");
        return new ServerOptions(Path.of(required(values, "gguf")), values.getOrDefault("host", "127.0.0.1"),
                number(values, "port", 0), required(values, "served-name"), number(values, "threads", 1),
                number(values, "ctx-size", 2048), Path.of(required(values, "native-log")),
                parent == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(parent)));
    }

    private static String required(Map<String, String> values, String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static int number(Map<String, String> values, String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }
}
