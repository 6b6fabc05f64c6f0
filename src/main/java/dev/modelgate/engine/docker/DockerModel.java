package dev.modelgate.engine.docker;

import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.ServedModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * vLLM running in a container started by {@code docker run} (attached, so its log streams into
 * the engine's log file). Closing runs {@code docker stop}, then {@code docker rm -f}, then stops
 * the docker client process (TERM, then KILL).
 */
final class DockerModel extends ServedModel {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ChildProcess client;
    private final DockerCli docker;
    private final String container;
    private volatile boolean closed;

    DockerModel(String candidateId, URI baseUrl, String servedName, ChildProcess client, DockerCli docker,
                String container, String image, Duration bootTime, Optional<String> version) {
        super(candidateId, VllmDockerEngine.TYPE, baseUrl, servedName, bootTime, version,
                details(client, docker, container, image));
        this.client = client;
        this.docker = docker;
        this.container = container;
    }

    private static Map<String, String> details(ChildProcess client, DockerCli docker, String container, String image) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("command", client.commandLine());
        details.put("pid", String.valueOf(client.pid()));
        details.put("image", image);
        details.put("container", container);
        containerRoot(docker, container, client).ifPresent(p -> details.put("containerPid", String.valueOf(p.pid())));
        return details;
    }

    /** The container's name ({@code modelgate-<id>-<random>}). */
    public String containerName() {
        return container;
    }

    /** Host pids of every process in the container ({@code docker top}); empty when docker cannot tell. */
    public List<Long> containerProcesses() {
        return docker.processes(container);
    }

    /**
     * The container's first process as seen from this host ({@code docker inspect .State.Pid}), when
     * it is visible here (not with a remote daemon or a VM such as Docker Desktop). Accepted only
     * if that process started after the docker client did, so that a pid of another namespace is
     * never mistaken for a local process.
     */
    public Optional<ProcessHandle> containerRoot() {
        return containerRoot(docker, container, client);
    }

    private static Optional<ProcessHandle> containerRoot(DockerCli docker, String container, ChildProcess client) {
        long pid = docker.mainPid(container);
        if (pid <= 0) {
            return Optional.empty();
        }
        Instant clientStart = client.handle().info().startInstant().orElse(Instant.MAX);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(s -> !s.isBefore(clientStart.minusSeconds(1))).orElse(false));
    }

    @Override
    public Optional<Path> log() {
        return Optional.of(client.log());
    }

    /** The root of the processes that hold the GPU: the container's first process if visible, else the client. */
    @Override
    public Optional<ProcessHandle> process() {
        return containerRoot().or(() -> Optional.of(client.handle()));
    }

    @Override
    public boolean alive() {
        return !closed && client.alive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(docker, container, client);
    }

    /** {@code docker stop}, {@code docker rm -f}, then TERM → KILL of the client. */
    static void stop(DockerCli docker, String container, ChildProcess client) {
        try {
            docker.run(STOP_TIMEOUT.plusSeconds(15), "stop", "-t", String.valueOf(STOP_TIMEOUT.toSeconds()), container);
            docker.run(Duration.ofSeconds(30), "rm", "-f", container);
        } finally {
            client.close();
        }
    }
}
