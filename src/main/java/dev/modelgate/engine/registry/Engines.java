package dev.modelgate.engine.registry;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Settings;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.Engine;
import dev.modelgate.engine.ExternalEngine;
import dev.modelgate.engine.VllmEngine;
import dev.modelgate.engine.docker.VllmDockerEngine;
import dev.modelgate.engine.llamacpp.LlamaCppEngine;
import dev.modelgate.engine.ollama.OllamaEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The engines by type, and the choice of engine for a candidate under the run's settings. */
public final class Engines {

    private static final Map<String, Supplier<Engine>> BY_TYPE = new LinkedHashMap<>();

    static {
        BY_TYPE.put("vllm", VllmEngine::new);
        BY_TYPE.put("external", ExternalEngine::new);
        BY_TYPE.put(LlamaCppEngine.TYPE, LlamaCppEngine::new);
        BY_TYPE.put(OllamaEngine.TYPE, OllamaEngine::new);
        BY_TYPE.put(VllmDockerEngine.TYPE, VllmDockerEngine::new);
    }

    private Engines() {
    }

    /** The engine types, e.g. {@code vllm}, {@code external}. */
    public static java.util.Set<String> types() {
        return java.util.Collections.unmodifiableSet(BY_TYPE.keySet());
    }

    public static Engine forType(String type) {
        Supplier<Engine> s = BY_TYPE.get(type);
        if (s == null) {
            throw new BootFailure(BootFailure.Kind.INVALID, "engine '" + type + "' is not available; known engines: "
                    + BY_TYPE.keySet());
        }
        return s.get();
    }

    /**
     * The candidate as it will be served: {@code modelgate.url} makes it external,
     * {@code modelgate.engine} forces an engine type.
     */
    public static Candidate resolve(Candidate candidate, Settings settings) {
        if (settings.get(Settings.URL).isPresent()) {
            return candidate.withEngine(candidate.engine().withType("external").withUrl(settings.get(Settings.URL).get()));
        }
        return settings.get(Settings.ENGINE).map(t -> candidate.withEngine(candidate.engine().withType(t)))
                .orElse(candidate);
    }
}
