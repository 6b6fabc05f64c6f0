package dev.modelgate.measure.memory;

import dev.modelgate.engine.AttachedModel;
import dev.modelgate.engine.RunningModel;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A model served inside this JVM, with no process of its own, so that its memory is this JVM's
 * resident-set growth: the probe's path for an engine that runs in-process. It has only what the
 * memory probe reads.
 */
final class InProcessModel {

    private InProcessModel() {
    }

    static RunningModel of(String engine) {
        return new AttachedModel("tiny", engine, URI.create("http://127.0.0.1:1"), "tiny", Duration.ZERO,
                Optional.empty(), Map.of());
    }
}
