package dev.modelgate.engine.ollama;

import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.engine.ServingDialect;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A model Ollama serves. Closing unloads the model if this run loaded it, and stops
 * {@code ollama serve} if this run started it; a server that was already running is left running.
 */
public final class OllamaModel implements RunningModel {

    private final String candidateId;
    private final OllamaRest rest;
    private final String model;
    private final Optional<ChildProcess> server;
    private final boolean unloadOnClose;
    private final Duration bootTime;
    private final Optional<String> version;
    private final Map<String, String> details;
    private volatile boolean closed;

    OllamaModel(String candidateId, OllamaRest rest, String model, Optional<ChildProcess> server,
                boolean unloadOnClose, Duration bootTime, Optional<String> version, Map<String, String> details) {
        this.candidateId = candidateId;
        this.rest = rest;
        this.model = model;
        this.server = server;
        this.unloadOnClose = unloadOnClose;
        this.bootTime = bootTime;
        this.version = version;
        this.details = new LinkedHashMap<>(details);
        server.ifPresent(s -> {
            this.details.putIfAbsent("command", s.commandLine());
            this.details.putIfAbsent("pid", String.valueOf(s.pid()));
        });
    }

    /**
     * What {@code /api/ps} says about this model now: total size, size in GPU memory, and the
     * context it was loaded with. Empty when Ollama has unloaded it.
     *
     * @throws IOException when Ollama does not answer
     */
    public Optional<OllamaProcessStatus> processStatus() throws IOException {
        return rest.ps(model);
    }

    @Override
    public String candidateId() {
        return candidateId;
    }

    @Override
    public URI baseUrl() {
        return rest.base();
    }

    @Override
    public String servedName() {
        return model;
    }

    @Override
    public String engine() {
        return OllamaEngine.TYPE;
    }

    @Override
    public Optional<String> engineVersion() {
        return version;
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
    public Duration bootTime() {
        return bootTime;
    }

    @Override
    public Map<String, String> details() {
        return Map.copyOf(details);
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
                rest.load(model, true);
            }
        } catch (IOException e) {
            // Ollama unloads idle models by itself after its keep-alive time
        } finally {
            server.ifPresent(ChildProcess::close);
            rest.close();
        }
    }
}
