package dev.modelgate.verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The results of one earlier run, found for a merge: the directory holding its {@code run.json},
 * the manifest, and the result file of each of its candidates that wrote one.
 *
 * @param label how messages name the run: the directory as given to the merge, then the path under it
 */
public record RunSource(Path dir, String label, RunManifest manifest, Map<String, CandidateResult> results) {

    /** How deep under a given directory a {@code run.json} is looked for (a CI artifact folder nests it). */
    private static final int DEPTH = 6;

    public RunSource {
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /**
     * Every run under {@code given}: the directory itself when it holds {@code run.json}, else each
     * directory below it that does (e.g. {@code artifacts/gemma/target/modelgate/}), in path order.
     *
     * @throws IllegalArgumentException when {@code given} is no directory or holds no run
     */
    public static List<RunSource> findAll(Path given) {
        if (!Files.isDirectory(given)) {
            throw new IllegalArgumentException("modelgate.merge: " + given + " is not a directory; name the"
                    + " directories the runs wrote their results to (target/modelgate) or the artifact folders"
                    + " holding them");
        }
        List<Path> manifests;
        try (Stream<Path> walk = Files.walk(given, DEPTH)) {
            manifests = walk.filter(p -> p.getFileName().toString().equals(RunManifest.FILE))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + given, e);
        }
        if (manifests.isEmpty()) {
            throw new IllegalArgumentException("modelgate.merge: no " + RunManifest.FILE + " in " + given
                    + " or below it: a run writes it into its results directory (target/modelgate) before the"
                    + " first candidate; upload that directory whole");
        }
        List<RunSource> runs = new ArrayList<>();
        for (Path file : manifests) {
            Path dir = file.getParent();
            String below = given.relativize(dir).toString();
            String label = below.isEmpty() ? given.toString() : given.resolve(below).toString();
            RunManifest manifest = RunManifest.read(dir).orElseThrow();
            ResultStore store = new ResultStore(dir);
            Map<String, CandidateResult> results = new LinkedHashMap<>();
            for (String id : manifest.candidates()) {
                Optional<CandidateResult> r = store.read(id);
                r.ifPresent(result -> results.put(id, result));
            }
            runs.add(new RunSource(dir, label, manifest, results));
        }
        return runs;
    }

    /** How messages name the run: its label and its candidates. */
    public String describe() {
        return label + " " + manifest.candidates();
    }
}
