package dev.modelgate.measure.memory;

import dev.modelgate.catalog.BuiltInCatalogue;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.EngineSpec;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Threshold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The project's own catalogue (test class path {@code models/}, {@code requirements.yaml}) and variants of it. */
public final class Catalogue {

    private Catalogue() {
    }

    public static Requirements requirements() {
        return BuiltInCatalogue.get().requirements();
    }

    public static Candidate candidate(String id) {
        return BuiltInCatalogue.candidate(id);
    }

    /** The requirements with the vram must-have replaced ({@code null}: no vram requirement). */
    public static Requirements withVramMust(String must) {
        Requirements r = requirements();
        Map<String, RequirementSpec> specs = new LinkedHashMap<>(r.requirements());
        if (must == null) {
            specs.remove("vram");
        } else {
            RequirementSpec vram = specs.get("vram");
            specs.put("vram", new RequirementSpec("vram", vram.title(), vram.unit(), Optional.of(Threshold.parse(must)),
                    vram.nice(), vram.description()));
        }
        return new Requirements(r.baseline(), r.swapThreshold(), r.weights(), r.machine(), r.sampling(), specs,
                r.scoring(), r.source(), r.ttft());
    }

    /** {@code candidate} served by {@code engine} with {@code args} in place of its own. */
    public static Candidate with(Candidate candidate, String engine, List<String> args) {
        EngineSpec e = candidate.engine();
        return candidate.withEngine(new EngineSpec(engine, args, e.env(), e.url(), e.image(), e.dockerArgs(), e.gguf(),
                e.sha256(), e.threads(), e.contextLength(), e.ollamaModel(), e.servedName()));
    }
}
