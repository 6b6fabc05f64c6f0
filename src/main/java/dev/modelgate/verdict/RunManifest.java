package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code run.json} in the results directory, written before the first candidate runs: which
 * candidates this run qualifies, its baseline, when it started and its gate.
 */
public record RunManifest(List<String> candidates, String baseline, Instant startedAt, String gate) {

    public static final String FILE = "run.json";

    public RunManifest {
        candidates = List.copyOf(candidates);
    }

    /** The manifest in {@code dir}; empty when there is none. */
    public static Optional<RunManifest> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode tree = ResultFiles.JSON.readTree(file.toFile());
            List<String> ids = new ArrayList<>();
            tree.path("candidates").forEach(n -> ids.add(n.asText()));
            Instant started;
            try {
                started = Instant.parse(tree.path("startedAt").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(file + ": startedAt '" + tree.path("startedAt").asText()
                        + "' is not an ISO-8601 instant");
            }
            return Optional.of(new RunManifest(ids, tree.path("baseline").asText(null), started,
                    tree.path("gate").asText(null)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
