package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Several runs' results gathered into one results directory, as if their candidates had been
 * qualified in one build: every result file copied, and a {@code run.json} listing all their
 * candidates, started when the earliest run started, with the runs it came from under
 * {@code merged} (and, when runs that are not comparable were merged on purpose, the differences
 * under {@code mixed}).
 *
 * @param mixed the differences between the runs ({@link Comparability}); empty when they are comparable
 */
public record MergedRun(List<RunSource> runs, RunManifest manifest, List<String> mixed) {

    public MergedRun {
        runs = List.copyOf(runs);
        mixed = List.copyOf(mixed);
    }

    /**
     * Gathers {@code runs} into {@code target}.
     *
     * @param gate the gate to record; empty: the first run's
     * @throws MergeRefused when the runs differ and {@code allowMixed} is false (nothing is written then)
     */
    public static MergedRun write(List<RunSource> runs, Path target, ConfigParts table, String tableSource,
                                  boolean allowMixed, Optional<String> gate) {
        Path into = target.toAbsolutePath().normalize();
        for (RunSource run : runs) {
            if (run.dir().toAbsolutePath().normalize().equals(into)) {
                throw new MergeRefused("modelgate.merge: " + run.label() + " is the directory the merge writes to"
                        + " (modelgate.results = " + target + "); write the merge elsewhere, e.g."
                        + " -Dmodelgate.results=target/merged", List.of());
            }
        }
        List<String> differences = Comparability.differences(runs, table, tableSource);
        if (!differences.isEmpty() && !allowMixed) {
            throw new MergeRefused(refusal(runs, differences), differences);
        }
        ResultStore store = new ResultStore(target);
        Set<String> candidates = new LinkedHashSet<>();
        for (RunSource run : runs) {
            candidates.addAll(run.manifest().candidates());
            run.results().values().forEach(store::write);
        }
        Instant started = runs.stream().map(r -> r.manifest().startedAt()).min(Comparator.naturalOrder())
                .orElse(Instant.now());
        String baseline = runs.stream().map(r -> r.manifest().baseline()).filter(b -> b != null).findFirst()
                .orElse(null);
        String recordedGate = gate.orElse(runs.stream().map(r -> r.manifest().gate()).filter(g -> g != null)
                .findFirst().orElse("must"));
        RunManifest manifest = new RunManifest(new ArrayList<>(candidates), baseline, started, recordedGate);
        store.writeJson(target.resolve(RunManifest.FILE), toJson(manifest, runs, differences));
        return new MergedRun(runs, manifest, differences);
    }

    /** What {@code verdict.json} says about the merge: the runs it came from and what differed between them. */
    public ObjectNode toJson() {
        ObjectNode merge = ResultFiles.JSON.createObjectNode();
        ArrayNode from = merge.putArray("runs");
        for (RunSource run : runs) {
            ObjectNode r = from.addObject();
            r.put("from", run.label());
            r.put("startedAt", run.manifest().startedAt().toString());
            ArrayNode ids = r.putArray("candidates");
            run.manifest().candidates().forEach(ids::add);
        }
        merge.put("comparable", mixed.isEmpty());
        ArrayNode m = merge.putArray("mixed");
        mixed.forEach(m::add);
        return merge;
    }

    private static JsonNode toJson(RunManifest manifest, List<RunSource> runs, List<String> differences) {
        ObjectNode run = ResultFiles.JSON.createObjectNode();
        ArrayNode ids = run.putArray("candidates");
        manifest.candidates().forEach(ids::add);
        run.put("baseline", manifest.baseline());
        run.put("startedAt", manifest.startedAt().toString());
        run.put("gate", manifest.gate());
        run.set("merged", new MergedRun(runs, manifest, differences).toJson());
        return run;
    }

    private static String refusal(List<RunSource> runs, List<String> differences) {
        StringBuilder s = new StringBuilder("Merge refused: the results of " + runs.size() + " runs are not"
                + " comparable (" + differences.size() + (differences.size() == 1 ? " difference" : " differences")
                + "); nothing was merged.");
        differences.forEach(d -> s.append("\n  - ").append(d));
        s.append("\nQualify them again with the same requirements, scoring, sampling and cases, or merge them"
                + " anyway with -Dmodelgate.merge.allowMixed=true (the verdict is then marked mixed).");
        return s.toString();
    }
}
