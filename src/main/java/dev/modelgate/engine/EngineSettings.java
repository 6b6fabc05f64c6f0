package dev.modelgate.engine;

import dev.modelgate.catalog.Settings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings that only engines read, besides those in {@link Settings}. Same precedence: system
 * property, then JUnit configuration parameter, then default.
 */
public final class EngineSettings {

    /** Where downloaded GGUF files and the extracted llama.cpp library are kept; default {@code ~/.cache/modelgate}. */
    public static final String CACHE = "modelgate.cache";
    /** CPU threads for the {@code llamacpp} engine, overriding {@code engine.threads} of every candidate. */
    public static final String THREADS = "modelgate.threads";
    /** The {@code docker} executable; default: {@code docker} on the PATH. */
    public static final String DOCKER = "modelgate.docker";
    /**
     * The host directory mounted as the container's Hugging Face cache ({@code vllm-docker});
     * default {@code $HF_HOME}, else {@code ~/.cache/huggingface}.
     */
    public static final String HF_CACHE = "modelgate.hfCache";
    /** The vLLM image for {@code vllm-docker} candidates that name none. */
    public static final String VLLM_IMAGE = "modelgate.vllmImage";
    /** The {@code ollama} executable, used to start {@code ollama serve} when none answers; default: PATH. */
    public static final String OLLAMA = "modelgate.ollama";

    private EngineSettings() {
    }

    /**
     * The cache directory: {@value #CACHE}, else {@code MODELGATE_CACHE}, else
     * {@code $XDG_CACHE_HOME/modelgate}, else {@code ~/.cache/modelgate}.
     */
    public static Path cacheDir(Settings settings) {
        return settings.get(CACHE)
                .or(() -> nonBlank(System.getenv("MODELGATE_CACHE")))
                .map(Path::of)
                .or(() -> nonBlank(System.getenv("XDG_CACHE_HOME")).map(x -> Path.of(x, "modelgate")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "modelgate"))
                .toAbsolutePath();
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
