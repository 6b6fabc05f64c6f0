package dev.modelgate.engine;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A model served by a child process the engine started; closing stops the process tree. */
public final class ProcessModel implements RunningModel {

    private final String candidateId;
    private final String engine;
    private final URI baseUrl;
    private final String servedName;
    private final ChildProcess child;
    private final Duration bootTime;
    private final Optional<String> version;
    private final Map<String, String> details;
    private final Runnable afterStop;

    public ProcessModel(String candidateId, String engine, URI baseUrl, String servedName, ChildProcess child,
                        Duration bootTime, Optional<String> version, Map<String, String> details, Runnable afterStop) {
        this.candidateId = candidateId;
        this.engine = engine;
        this.baseUrl = baseUrl;
        this.servedName = servedName;
        this.child = child;
        this.bootTime = bootTime;
        this.version = version;
        this.details = new LinkedHashMap<>(details);
        this.details.putIfAbsent("command", child.commandLine());
        this.details.putIfAbsent("pid", String.valueOf(child.pid()));
        this.afterStop = afterStop == null ? () -> { } : afterStop;
    }

    @Override
    public String candidateId() {
        return candidateId;
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public String servedName() {
        return servedName;
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public Optional<String> engineVersion() {
        return version;
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
    public Duration bootTime() {
        return bootTime;
    }

    @Override
    public Map<String, String> details() {
        return Map.copyOf(details);
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
