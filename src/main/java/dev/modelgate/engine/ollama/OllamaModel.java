package dev.modelgate.engine.ollama;

import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.ServedModel;
import dev.modelgate.engine.ServingDialect;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A model Ollama serves. Closing unloads the model if this run loaded it, and stops
 * {@code ollama serve} if this run started it; a server that was already running is left running.
 */
final class OllamaModel extends ServedModel {

    private final OllamaRest rest;
    private final Optional<ChildProcess> server;
    private final boolean unloadOnClose;
    private volatile boolean closed;

    OllamaModel(String candidateId, OllamaRest rest, String model, Optional<ChildProcess> server,
                boolean unloadOnClose, Duration bootTime, Optional<String> version, Map<String, String> details) {
        super(candidateId, OllamaEngine.TYPE, rest.base(), model, bootTime, version,
                server.map(s -> withProcess(details, s)).orElse(details));
        this.rest = rest;
        this.server = server;
        this.unloadOnClose = unloadOnClose;
    }

    /**
     * What {@code /api/ps} says about this model now: total size, size in GPU memory, and the
     * context it was loaded with. Empty when Ollama has unloaded it.
     *
     * @throws IOException when Ollama does not answer
     */
    public Optional<OllamaProcessStatus> processStatus() throws IOException {
        return rest.ps(servedName());
    }

    @Override
    public Optional<Path> log() {
        return server.map(ChildProcess::log);
    }

    @Override
    public Optional<ProcessHandle> process() {
        return server.map(ChildProcess::handle);
    }

    @Override
    public boolean alive() {
        if (closed || server.isPresent() && !server.get().alive()) {
            return false;
        }
        return rest.version().isPresent();
    }

    @Override
    public ServingDialect dialect() {
        return ServingDialect.OLLAMA;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (unloadOnClose && server.map(ChildProcess::alive).orElse(true)) {
                rest.load(servedName(), true);
            }
        } catch (IOException e) {
            // Ollama unloads idle models by itself after its keep-alive time
        } finally {
            server.ifPresent(ChildProcess::close);
            rest.close();
        }
    }
}
