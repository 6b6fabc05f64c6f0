package dev.modelgate.catalog;

import java.util.List;
import java.util.Map;

/**
 * How a candidate is served. {@code type} is one of {@code vllm}, {@code vllm-docker},
 * {@code ollama}, {@code llamacpp}, {@code external}; the other fields apply to some engines only.
 *
 * @param args        extra command-line arguments (for vLLM: flags of {@code vllm serve})
 * @param env         environment variables for the server process (values may name secrets; never logged)
 * @param url         base URL of a server someone else runs ({@code external})
 * @param image       container image ({@code vllm-docker})
 * @param dockerArgs  extra {@code docker run} options ({@code vllm-docker})
 * @param gguf        a local GGUF file or a {@code hf://owner/repo/file.gguf} reference ({@code llamacpp})
 * @param sha256      expected checksum of the GGUF file ({@code llamacpp})
 * @param threads     CPU threads ({@code llamacpp})
 * @param contextLength context window the engine is started with ({@code llamacpp}, {@code ollama})
 * @param ollamaModel the Ollama model tag, e.g. {@code gemma4:26b} ({@code ollama})
 * @param servedName  the name the server lists in {@code /v1/models}; default: the candidate id
 * @param apiKeyEnv   the environment variable holding this candidate's own API key (e.g. the production
 *                    server's), used for this candidate only instead of {@code modelgate.apiKey}; never the key
 */
public record EngineSpec(
        String type,
        List<String> args,
        Map<String, String> env,
        String url,
        String image,
        List<String> dockerArgs,
        String gguf,
        String sha256,
        Integer threads,
        Integer contextLength,
        String ollamaModel,
        String servedName,
        String apiKeyEnv) {

    public static final String DEFAULT_TYPE = "vllm";

    public EngineSpec {
        type = type == null ? DEFAULT_TYPE : type;
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        dockerArgs = dockerArgs == null ? List.of() : List.copyOf(dockerArgs);
    }

    /** Without an API key variable of its own. */
    public EngineSpec(String type, List<String> args, Map<String, String> env, String url, String image,
                      List<String> dockerArgs, String gguf, String sha256, Integer threads, Integer contextLength,
                      String ollamaModel, String servedName) {
        this(type, args, env, url, image, dockerArgs, gguf, sha256, threads, contextLength, ollamaModel, servedName,
                null);
    }

    public static EngineSpec defaults() {
        return new EngineSpec(DEFAULT_TYPE, null, null, null, null, null, null, null, null, null, null, null);
    }

    public EngineSpec withType(String newType) {
        return new EngineSpec(newType, args, env, url, image, dockerArgs, gguf, sha256, threads, contextLength,
                ollamaModel, servedName, apiKeyEnv);
    }

    public EngineSpec withUrl(String newUrl) {
        return new EngineSpec(type, args, env, newUrl, image, dockerArgs, gguf, sha256, threads, contextLength,
                ollamaModel, servedName, apiKeyEnv);
    }

    public EngineSpec withArgs(List<String> newArgs) {
        return new EngineSpec(type, newArgs, env, url, image, dockerArgs, gguf, sha256, threads, contextLength,
                ollamaModel, servedName, apiKeyEnv);
    }
}
