package dev.modelgate.internal;

import dev.modelgate.verdict.ResultFiles;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Settings;
import dev.modelgate.verdict.ResultStore;
import java.time.Instant;
import java.util.List;

/**
 * One qualification run: the settings, the validated catalogue, the requirement table with the
 * run's overrides applied, and the candidates selected, in order. Written to {@code run.json}
 * in the results directory before the first candidate runs, so that later stages (the verdict)
 * know which result files belong to this run.
 */
record RunPlan(Settings settings, Catalog catalog, Requirements requirements, List<Candidate> candidates,
               ResultStore store, String startedAt) {

    static RunPlan of(Settings settings, Catalog catalog, Requirements requirements, List<Candidate> candidates) {
        return new RunPlan(settings, catalog, requirements, List.copyOf(candidates),
                new ResultStore(settings.resultsDir()), Instant.now().toString());
    }

    void writeManifest() {
        ObjectNode run = ResultFiles.JSON.createObjectNode();
        ArrayNode ids = run.putArray("candidates");
        candidates.forEach(c -> ids.add(c.id()));
        run.put("baseline", requirements.baseline());
        run.put("startedAt", startedAt);
        run.put("gate", settings.get(Settings.GATE, "must"));
        store.writeJson(store.dir().resolve("run.json"), run);
    }
}
