package dev.modelgate.engine;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A model served by a child process the engine started; closing stops the process tree. */
public final class ProcessModel extends ServedModel {

    private final ChildProcess child;
    private final Runnable afterStop;

    public ProcessModel(String candidateId, String engine, URI baseUrl, String servedName, ChildProcess child,
                        Duration bootTime, Optional<String> version, Map<String, String> details, Runnable afterStop) {
        super(candidateId, engine, baseUrl, servedName, bootTime, version, withProcess(details, child));
        this.child = child;
        this.afterStop = afterStop == null ? () -> { } : afterStop;
    }

    /** The model a {@link ServerLaunch} brought to ready, for {@code candidateId} served by {@code engine}. */
    public static ProcessModel of(String candidateId, String engine, String servedName, ServerLaunch.Ready ready,
                                  Map<String, String> details) {
        return new ProcessModel(candidateId, engine, ready.baseUrl(), servedName, ready.child(), ready.bootTime(),
                ready.version(), details, null);
    }

    @Override
    public Optional<Path> log() {
        return Optional.of(child.log());
    }

    @Override
    public Optional<ProcessHandle> process() {
        return Optional.of(child.handle());
    }

    @Override
    public boolean alive() {
        return child.alive();
    }

    public ChildProcess child() {
        return child;
    }

    @Override
    public void close() {
        try {
            child.close();
        } finally {
            afterStop.run();
        }
    }
}
