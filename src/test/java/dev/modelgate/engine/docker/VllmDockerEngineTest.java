package dev.modelgate.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.EngineSpec;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.ServerError;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.EngineContext;
import dev.modelgate.engine.EngineSettings;
import dev.modelgate.engine.registry.Engines;
import dev.modelgate.engine.Launchers;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.sim.SimScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker command the engine builds, and its lifecycle against a {@code docker} stand-in running the simulator. */
class VllmDockerEngineTest {

    private static final String HF_SECRET = "hf_docker_test_secret_91b2";
    private static final String API_KEY = "sk-docker-test-key-5d0e";
    private static final SimScript VLLM = SimScript.defaults().withTtftMs(5).withInterTokenMs(1).withOutputTokens(10);

    @TempDir
    Path dir;
    private final List<String> console = new CopyOnWriteArrayList<>();

    @Test
    void buildsTheDockerRunCommandWithSecretsOnlyInTheEnvironment() {
        DockerRunCommand run = DockerRunCommand.of("/usr/bin/docker", candidate("nvcr.io/nvidia/vllm:25.10-py3"),
                "nvcr.io/nvidia/vllm:25.10-py3", "modelgate-tiny-0a1b2c3d", 41234, Path.of("/data/hf"), "tiny",
                Optional.of(API_KEY), Optional.of(HF_SECRET));

        assertThat(run.command()).containsExactly("/usr/bin/docker", "run", "--name", "modelgate-tiny-0a1b2c3d",
                "--gpus", "all", "--ipc", "host", "-p", "127.0.0.1:41234:8000",
                "-v", "/data/hf:/root/.cache/huggingface",
                "-e", "HF_TOKEN", "-e", "VLLM_API_KEY", "-e", "VLLM_LOGGING_LEVEL",
                "--entrypoint", "vllm", "--shm-size", "16g",
                "nvcr.io/nvidia/vllm:25.10-py3",
                "serve", "acme/tiny", "--host", "0.0.0.0", "--port", "8000", "--served-model-name", "tiny",
                "--revision", "v1", "--max-model-len", "4096", "--gpu-memory-utilization", "0.6", "--enforce-eager");
        assertThat(run.env()).containsExactlyInAnyOrderEntriesOf(Map.of("HF_TOKEN", HF_SECRET,
                "VLLM_API_KEY", API_KEY, "VLLM_LOGGING_LEVEL", "DEBUG"));
        assertThat(String.join(" ", run.command())).doesNotContain(HF_SECRET).doesNotContain(API_KEY);
    }

    @Test
    void runsTheContainerAndStopsThenRemovesIt() throws Exception {
        Path bin = dir.resolve("bin");
        Path docker = Launchers.docker(bin, VLLM);
        Candidate candidate = candidate("vllm/vllm-openai:v0.12.0");

        RunningModel model = Engines.forType("vllm-docker").start(candidate, context(docker));
        String container;
        long containerPid;
        try {
            container = ((DockerModel) model).containerName();
            assertThat(container).matches("modelgate-tiny-[0-9a-f]{8}");
            containerPid = Launchers.containerPid(bin, container);
            List<String> calls = Files.readAllLines(Launchers.calls(bin));
            assertThat(calls.get(0)).isEqualTo("docker run --name " + container + " --gpus all --ipc host -p 127.0.0.1:"
                    + model.baseUrl().getPort() + ":8000 -v " + dir.resolve("hf") + ":/root/.cache/huggingface"
                    + " -e VLLM_API_KEY -e HF_TOKEN -e VLLM_LOGGING_LEVEL --entrypoint vllm --shm-size 16g"
                    + " vllm/vllm-openai:v0.12.0 serve acme/tiny --host 0.0.0.0 --port 8000 --served-model-name tiny"
                    + " --revision v1 --max-model-len 4096 --gpu-memory-utilization 0.6 --enforce-eager");
            assertThat(Launchers.containerEnv(bin, container)).contains("image=vllm/vllm-openai:v0.12.0",
                    "HF_TOKEN=set", "VLLM_API_KEY=set");
            assertThat(Files.readString(model.log().orElseThrow())).doesNotContain(HF_SECRET).doesNotContain(API_KEY);
            assertThat(model.details().get("command")).doesNotContain(HF_SECRET);
            assertThat(model.details()).containsEntry("container", container)
                    .containsEntry("image", "vllm/vllm-openai:v0.12.0")
                    .containsEntry("containerPid", String.valueOf(containerPid));
            // the memory probe's view: the container's processes, not the docker client
            assertThat(model.process().orElseThrow().pid()).isEqualTo(containerPid);
            assertThat(((DockerModel) model).containerProcesses()).containsExactly(containerPid);

            try (ChatClient keyed = new ChatClient(model.baseUrl(), model.servedName(), Optional.of(new Secret(API_KEY)),
                    ClientOptions.DEFAULTS);
                 ChatClient anonymous = new ChatClient(model.baseUrl(), model.servedName(), Optional.empty(),
                         ClientOptions.DEFAULTS)) {
                assertThat(keyed.stream(ChatRequest.user("Hello").maxTokens(6)).completionTokens()).hasValue(6);
                assertThatThrownBy(anonymous::servedModels).isInstanceOfSatisfying(ServerError.class,
                        e -> assertThat(e.status()).isEqualTo(401));
            }
        } finally {
            model.close();
        }

        List<String> calls = Files.readAllLines(Launchers.calls(bin));
        assertThat(calls).containsSubsequence("docker stop -t 30 " + container, "docker rm -f " + container);
        assertThat(model.alive()).isFalse();
        assertThat(ProcessHandle.of(containerPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(dir.toString())).orElse(false))).isEmpty();
    }

    @Test
    void removesTheContainerWhenVllmDiesDuringBoot() throws Exception {
        Path bin = dir.resolve("bin");
        Path docker = Launchers.docker(bin, VLLM.withFaults(SimScript.Faults.exitDuringBoot(300, 1,
                "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB")));

        assertThatThrownBy(() -> Engines.forType("vllm-docker").start(candidate("vllm/vllm-openai:v0.12.0"),
                context(docker)))
                .isInstanceOfSatisfying(BootFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(BootFailure.Kind.EXITED);
                    assertThat(e.getMessage()).contains("exited with code 1").contains("CUDA out of memory");
                });

        List<String> calls = Files.readAllLines(Launchers.calls(bin));
        assertThat(calls).anySatisfy(c -> assertThat(c).matches("docker rm -f modelgate-tiny-[0-9a-f]{8}"));
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(dir.toString())).orElse(false))).isEmpty();
    }

    @Test
    void needsAnImageAndDocker() {
        Candidate noImage = candidate(null);
        EngineContext context = new EngineContext(Settings.ofMap(Map.of(EngineSettings.DOCKER, "/bin/true")),
                dir, Optional.empty(), console::add);

        assertThatThrownBy(() -> new VllmDockerEngine().start(noImage, context))
                .isInstanceOfSatisfying(BootFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(BootFailure.Kind.INVALID);
                    assertThat(e.getMessage()).startsWith("tiny: engine 'vllm-docker' needs an image: set engine.image"
                            + " in the candidate file or -Dmodelgate.vllmImage=<image>");
                });
        EngineContext withImage = new EngineContext(Settings.ofMap(Map.of(EngineSettings.VLLM_IMAGE, "img",
                EngineSettings.DOCKER, dir.resolve("no-docker-here").toString(),
                EngineSettings.HF_CACHE, dir.resolve("hf").toString())), dir, Optional.empty(), console::add);
        assertThatThrownBy(() -> new VllmDockerEngine().start(noImage, withImage))
                .isInstanceOfSatisfying(BootFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(BootFailure.Kind.NOT_INSTALLED);
                    assertThat(e.getMessage()).contains("cannot start " + dir.resolve("no-docker-here"));
                });
    }

    private EngineContext context(Path docker) {
        return new EngineContext(Settings.ofMap(Map.of(EngineSettings.DOCKER, docker.toString(),
                EngineSettings.HF_CACHE, dir.resolve("hf").toString())), dir.resolve("work"),
                Optional.of(new Secret(API_KEY)), line -> {
                    console.add(line);
                    System.out.println(line);
                });
    }

    private static Candidate candidate(String image) {
        EngineSpec spec = new EngineSpec("vllm-docker", List.of("--max-model-len", "4096",
                "--gpu-memory-utilization", "0.6", "--enforce-eager"),
                new java.util.LinkedHashMap<>(Map.of("HF_TOKEN", HF_SECRET, "VLLM_LOGGING_LEVEL", "DEBUG")),
                null, image, List.of("--shm-size", "16g"), null, null, null, null, null, null);
        return new Candidate("tiny", "tiny", false, List.of(), new Candidate.HuggingFace("acme/tiny", "v1"), spec,
                60, null, null, null, Optional.empty());
    }
}
