package dev.modelgate.engine;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A model being served: where to reach it, what serves it, and how to stop it. Closing is
 * idempotent and stops every process the engine started (an attached external server is left alone).
 */
public interface RunningModel extends AutoCloseable {

    /** The candidate id this server was started for. */
    String candidateId();

    /** Base URL without {@code /v1}, e.g. {@code http://127.0.0.1:8123}. */
    URI baseUrl();

    /** The model name to send in requests (listed by {@code /v1/models}). */
    String servedName();

    /** The engine type: {@code vllm}, {@code vllm-docker}, {@code ollama}, {@code llamacpp}, {@code external}. */
    String engine();

    /** The engine's version as it reports it ({@code /version} for vLLM), if known. */
    Optional<String> engineVersion();

    /** The server's log file, if the engine started a process. */
    Optional<Path> log();

    /** The root of the server's process tree, if the engine started one. */
    Optional<ProcessHandle> process();

    /** How long it took from start to ready. */
    Duration bootTime();

    /** Facts worth reporting (command line with secrets redacted, image, GGUF file, …). */
    Map<String, String> details();

    /** Whether the server is still up (its process alive, where there is one). */
    boolean alive();

    /** How the server's OpenAI-compatible endpoint differs from vLLM's; vLLM's own by default. */
    default ServingDialect dialect() {
        return ServingDialect.VLLM;
    }

    @Override
    void close();
}
