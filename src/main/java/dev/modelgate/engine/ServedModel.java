package dev.modelgate.engine;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a {@link RunningModel} that is fixed once it is ready: the candidate, the engine,
 * where it answers and under which name, its version, its boot time and its details. A subclass
 * says where its log and processes are, whether it is alive, and how it stops.
 */
public abstract class ServedModel implements RunningModel {

    private final String candidateId;
    private final String engine;
    private final URI baseUrl;
    private final String servedName;
    private final Duration bootTime;
    private final Optional<String> version;
    private final Map<String, String> details;

    protected ServedModel(String candidateId, String engine, URI baseUrl, String servedName, Duration bootTime,
                          Optional<String> version, Map<String, String> details) {
        this.candidateId = candidateId;
        this.engine = engine;
        this.baseUrl = baseUrl;
        this.servedName = servedName;
        this.bootTime = bootTime;
        this.version = version;
        this.details = new LinkedHashMap<>(details);
    }

    /** {@code details} with the command line and pid of {@code process}, unless they name them already. */
    protected static Map<String, String> withProcess(Map<String, String> details, ChildProcess process) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.putIfAbsent("command", process.commandLine());
        all.putIfAbsent("pid", String.valueOf(process.pid()));
        return all;
    }

    @Override
    public final String candidateId() {
        return candidateId;
    }

    @Override
    public final URI baseUrl() {
        return baseUrl;
    }

    @Override
    public final String servedName() {
        return servedName;
    }

    @Override
    public final String engine() {
        return engine;
    }

    @Override
    public final Optional<String> engineVersion() {
        return version;
    }

    @Override
    public final Duration bootTime() {
        return bootTime;
    }

    @Override
    public final Map<String, String> details() {
        return Map.copyOf(details);
    }
}
