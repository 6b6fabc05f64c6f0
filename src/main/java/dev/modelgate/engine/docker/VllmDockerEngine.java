package dev.modelgate.engine.docker;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.preflight.HubClient;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.Engine;
import dev.modelgate.engine.EngineContext;
import dev.modelgate.engine.EngineSettings;
import dev.modelgate.engine.Ports;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.engine.ServerLaunch;
import dev.modelgate.engine.VllmEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves a candidate with vLLM in a container ({@code engine.type: vllm-docker}): the DGX Spark
 * way, where vLLM comes as an image (NGC {@code nvcr.io/nvidia/vllm}, {@code vllm/vllm-openai}
 * cu130 builds, or a team's own). The image is {@code engine.image}, else
 * {@value EngineSettings#VLLM_IMAGE}; docker is {@value EngineSettings#DOCKER}, else {@code docker}
 * on the PATH. See {@link DockerRunCommand} for the command line. Ready like the {@code vllm}
 * engine: {@code /health} answers 200 and {@code /v1/models} lists the served name.
 */
public final class VllmDockerEngine implements Engine {

    public static final String TYPE = "vllm-docker";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RunningModel start(Candidate candidate, EngineContext context) {
        Settings settings = context.settings();
        String docker = docker(candidate, settings);
        String image = image(candidate, settings);
        String served = candidate.servedName();
        String container = containerName(candidate.id());
        int port = Ports.free();
        Optional<String> hfToken = HubClient.tokenFromEnvironment().map(Secret::reveal);
        DockerRunCommand run = DockerRunCommand.of(docker, candidate, image, container, port, hfCache(settings),
                served, context.apiKey().map(Secret::reveal), hfToken);
        Secret.registerSecretLike(run.env());

        DockerCli cli = new DockerCli(docker);
        return ServerLaunch.on(candidate, context, port)
                .grace(DockerModel.STOP_TIMEOUT)
                .stoppedBy(client -> DockerModel.stop(cli, container, client))
                .readyNote(" (container " + container + ")")
                .start(run.command(), run.env(), TYPE + ".log", ready -> new DockerModel(candidate.id(), ready.baseUrl(),
                        served, ready.child(), cli, container, image, ready.bootTime(), ready.version()));
    }

    static String docker(Candidate candidate, Settings settings) {
        return settings.get(EngineSettings.DOCKER)
                .or(() -> VllmEngine.onPath("docker").map(Path::toString))
                .orElseThrow(() -> new BootFailure(BootFailure.Kind.NOT_INSTALLED, candidate.id() + ": docker is not on"
                        + " the PATH. Install Docker with the NVIDIA Container Toolkit, or point -D"
                        + EngineSettings.DOCKER + "=/path/to/docker at it"));
    }

    static String image(Candidate candidate, Settings settings) {
        String image = candidate.engine().image() != null ? candidate.engine().image()
                : settings.get(EngineSettings.VLLM_IMAGE).orElse(null);
        if (image == null) {
            throw new BootFailure(BootFailure.Kind.INVALID, candidate.id() + ": engine 'vllm-docker' needs an image:"
                    + " set engine.image in the candidate file or -D" + EngineSettings.VLLM_IMAGE + "=<image>"
                    + " (e.g. nvcr.io/nvidia/vllm:<tag> or vllm/vllm-openai:<tag>; on DGX Spark an aarch64 build"
                    + " for CUDA 13)");
        }
        return image;
    }

    /** {@code modelgate-<id>-<8 hex>}, with the id reduced to the characters docker allows. */
    static String containerName(String id) {
        String safe = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return "modelgate-" + safe + "-" + HexFormat.of().formatHex(random);
    }

    /**
     * The host's Hugging Face cache: {@value EngineSettings#HF_CACHE}, else {@code $HF_HOME}, else
     * {@code ~/.cache/huggingface}; created if missing.
     */
    static Path hfCache(Settings settings) {
        Path dir = settings.get(EngineSettings.HF_CACHE)
                .or(() -> Optional.ofNullable(System.getenv("HF_HOME")).filter(s -> !s.isBlank()))
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "huggingface"));
        try {
            Files.createDirectories(dir); // else docker creates it, owned by root
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Hugging Face cache " + dir, e);
        }
        return dir.toAbsolutePath();
    }
}
