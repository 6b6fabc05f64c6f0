package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where result files live ({@code target/modelgate/} by default). Every write goes to a temporary
 * file in the same directory and is then moved over the old one atomically, so a reader (or a run
 * killed mid-write) never sees a half-written file.
 */
public final class ResultStore {

    private final Path dir;

    public ResultStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path fileOf(String id) {
        return dir.resolve(id + ".json");
    }

    public void write(CandidateResult result) {
        ResultFiles.write(fileOf(result.id()), result);
    }

    /** The result of {@code id} as written, unknown fields included; empty when there is none or it is unreadable. */
    public Optional<CandidateResult> read(String id) {
        return ResultFiles.readTree(fileOf(id)).map(CandidateResult::of);
    }

    /** Writes JSON atomically, secrets redacted. */
    public void writeJson(Path file, JsonNode tree) {
        ResultFiles.writeJson(file, tree);
    }

    /** Writes text atomically (temp file + move), secrets redacted. */
    public static void writeAtomically(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, Secret.redact(text), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
