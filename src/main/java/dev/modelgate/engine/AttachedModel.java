package dev.modelgate.engine;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A model served by a server this run did not start (an external server, or one inside this JVM):
 * no log and no process of its own, taken as up, and left running on close.
 */
public final class AttachedModel extends ServedModel {

    public AttachedModel(String candidateId, String engine, URI baseUrl, String servedName, Duration bootTime,
                         Optional<String> version, Map<String, String> details) {
        super(candidateId, engine, baseUrl, servedName, bootTime, version, details);
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
    public boolean alive() {
        return true;
    }

    @Override
    public void close() {
        // someone else's server: left running
    }
}
