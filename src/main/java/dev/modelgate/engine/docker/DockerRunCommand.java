package dev.modelgate.engine.docker;

import dev.modelgate.catalog.Candidate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code docker run} command line of a vLLM container, and the environment it needs. Every
 * secret travels in the docker client's environment and is named on the command line without a
 * value ({@code -e HF_TOKEN}), so it never shows in {@code ps}, logs or reports. The entrypoint is
 * set to {@code vllm} so that images with different entrypoints (vllm/vllm-openai, NGC
 * nvcr.io/nvidia/vllm, custom builds) all start {@code vllm serve <model> …} the same way; a
 * candidate's {@code dockerArgs} come after it and can override it.
 *
 * @param command the full command, starting with the docker executable
 * @param env     variables to add to the docker client's environment
 */
record DockerRunCommand(List<String> command, Map<String, String> env) {

    /** Port vLLM listens on inside the container. */
    public static final int CONTAINER_PORT = 8000;
    /** Where the Hugging Face cache is mounted in vLLM images (they run as root). */
    public static final String CONTAINER_HF_CACHE = "/root/.cache/huggingface";

    public DockerRunCommand {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    /**
     * Builds the command.
     *
     * @param docker      the docker executable
     * @param image       the vLLM image
     * @param name        the container name
     * @param hostPort    the loopback port the container's port 8000 is published on
     * @param hfCache     the host's Hugging Face cache, mounted into the container
     * @param servedName  the name vLLM serves the model under
     * @param apiKey      the key vLLM must require, if any
     * @param hfToken     the Hugging Face token from this process's environment, if any
     */
    public static DockerRunCommand of(String docker, Candidate candidate, String image, String name, int hostPort,
                                      Path hfCache, String servedName, Optional<String> apiKey,
                                      Optional<String> hfToken) {
        List<String> c = new ArrayList<>(List.of(docker, "run", "--name", name, "--gpus", "all", "--ipc", "host",
                "-p", "127.0.0.1:" + hostPort + ":" + CONTAINER_PORT,
                "-v", hfCache + ":" + CONTAINER_HF_CACHE));
        Map<String, String> env = new LinkedHashMap<>();
        hfToken.ifPresent(t -> env.put("HF_TOKEN", t));
        apiKey.ifPresent(k -> env.put("VLLM_API_KEY", k));
        new java.util.TreeMap<>(candidate.engine().env()).forEach(env::put); // the candidate's own values win
        env.keySet().forEach(variable -> c.addAll(List.of("-e", variable))); // the name only: docker reads the value
        c.addAll(List.of("--entrypoint", "vllm"));
        c.addAll(candidate.engine().dockerArgs());
        c.add(image);
        c.addAll(List.of("serve", candidate.modelReference(), "--host", "0.0.0.0", "--port",
                String.valueOf(CONTAINER_PORT), "--served-model-name", servedName));
        if (candidate.huggingFace() != null && candidate.huggingFace().revision() != null) {
            c.addAll(List.of("--revision", candidate.huggingFace().revision()));
        }
        c.addAll(candidate.engine().args());
        return new DockerRunCommand(c, env);
    }
}
