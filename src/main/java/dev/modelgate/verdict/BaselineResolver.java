package dev.modelgate.verdict;

import dev.modelgate.catalog.Candidate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds the baseline's figures, in this order (SPEC §5): its result file of this run; a complete
 * result file from an earlier run (first in {@code modelgate.baselineResults}, then in the run's
 * results directory); the {@code declared:} block of its candidate file. What was passed over and
 * why goes into the notes.
 */
final class BaselineResolver {

    private final Path runDir;
    private final List<Path> storedDirs;
    private final double kannadaNativeShare;

    /**
     * @param runDir     this run's results directory
     * @param storedDirs directories of earlier results, searched in order before {@code runDir}
     */
    public BaselineResolver(Path runDir, List<Path> storedDirs, double kannadaNativeShare) {
        this.runDir = runDir;
        this.storedDirs = List.copyOf(storedDirs);
        this.kannadaNativeShare = kannadaNativeShare;
    }

    public Baseline resolve(String id, RunManifest manifest, Optional<Candidate> candidate) {
        List<String> notes = new ArrayList<>();
        ResultStore run = new ResultStore(runDir);
        if (manifest.candidates().contains(id)) {
            Optional<CandidateResult> result = run.read(id);
            if (result.isPresent()) {
                ResultFile r = result.get().file();
                Instant started = r.started().orElse(null);
                if (started != null && started.isBefore(manifest.startedAt())) {
                    notes.add("result reused from the run of " + started + " (same configuration)");
                }
                if (!r.complete()) {
                    notes.add("the baseline's run did not complete: figures it lacks are named as missing");
                }
                return new Baseline(id, Provenance.THIS_RUN, run.fileOf(id).toString(),
                        Optional.of(ModelFigures.fromResult(r, run.fileOf(id).toString(), kannadaNativeShare)),
                        Optional.of(r), notes);
            }
            notes.add("the baseline was selected in this run but wrote no " + run.fileOf(id));
        }
        LinkedHashSet<Path> dirs = new LinkedHashSet<>(storedDirs);
        if (!manifest.candidates().contains(id)) {
            dirs.add(runDir);
        }
        for (Path dir : dirs) {
            ResultStore store = new ResultStore(dir);
            Optional<CandidateResult> result = store.read(id);
            if (result.isEmpty()) {
                continue;
            }
            ResultFile r = result.get().file();
            if (!r.complete()) {
                notes.add("passed over " + store.fileOf(id) + ": incomplete (complete: false)");
                continue;
            }
            Instant started = r.started().orElse(null);
            String source = store.fileOf(id) + (started == null ? "" : " of " + started);
            return new Baseline(id, Provenance.STORED, source,
                    Optional.of(ModelFigures.fromResult(r, store.fileOf(id).toString(), kannadaNativeShare)),
                    Optional.of(r), notes);
        }
        if (candidate.isPresent() && !candidate.get().declared().isEmpty()) {
            Candidate c = candidate.get();
            ModelFigures figures = ModelFigures.fromDeclared(c);
            notes.addAll(figures.notes());
            String said = c.declared().source();
            return new Baseline(id, Provenance.DECLARED, "models/" + id + ".yaml declared:"
                    + (said == null ? "" : " " + said), Optional.of(figures), Optional.empty(), notes);
        }
        notes.add("no figures for the baseline '" + id + "': qualify it in this run (-Dmodel=…," + id
                + "), point modelgate.baselineResults at a directory with a complete " + id + ".json, or add a"
                + " declared: block to models/" + id + ".yaml");
        return new Baseline(id, Provenance.NONE, "none", Optional.empty(), Optional.empty(), notes);
    }
}
