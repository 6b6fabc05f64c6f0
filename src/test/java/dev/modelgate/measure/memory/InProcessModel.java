package dev.modelgate.measure.memory;

import dev.modelgate.engine.ServedModel;
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
final class InProcessModel extends ServedModel {

    InProcessModel(String engine) {
        super("tiny", engine, URI.create("http://127.0.0.1:1"), "tiny", Duration.ZERO, Optional.empty(), Map.of());
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
        // nothing to stop
    }
}
