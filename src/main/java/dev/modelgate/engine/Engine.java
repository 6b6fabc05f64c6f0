package dev.modelgate.engine;

import dev.modelgate.catalog.Candidate;

/** Starts a candidate and returns it ready to serve. One implementation per engine type. */
public interface Engine {

    /** The engine type as written in candidate files. */
    String type();

    /**
     * Starts the candidate and waits until it is ready.
     *
     * @throws BootFailure when it does not become ready; every process started is stopped first
     */
    RunningModel start(Candidate candidate, EngineContext context);

    /**
     * The engine's version without starting the model, when it can be asked cheaply (for
     * {@code -Dmodelgate.resume}: results are reused only under the same engine version).
     */
    default java.util.Optional<String> probeVersion(Candidate candidate, EngineContext context) {
        return java.util.Optional.empty();
    }
}
