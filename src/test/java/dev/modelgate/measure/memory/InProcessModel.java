package dev.modelgate.measure.memory;

import dev.modelgate.engine.RunningModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A model served inside this JVM, with no process of its own, so that its memory is this JVM's
 * resident-set growth: the probe's path for an engine that runs in-process. It has only what the
 * memory probe reads.
 */
record InProcessModel(String engine) implements RunningModel {

    @Override
    public String candidateId() {
        return "tiny";
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:1");
    }

    @Override
    public String servedName() {
        return "tiny";
    }

    @Override
    public Optional<String> engineVersion() {
        return Optional.empty();
    }

    @Override
    public Optional<Path> log() {
        return Optional.empty();
    }

    @Override
    public Optional<ProcessHandle> process() {
        return Optional.empty();
    }

    @Override
    public Duration bootTime() {
        return Duration.ZERO;
    }

    @Override
    public Map<String, String> details() {
        return Map.of();
    }

    @Override
    public boolean alive() {
        return true;
    }

    @Override
    public void close() {
    }
}
