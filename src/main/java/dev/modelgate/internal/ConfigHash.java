package dev.modelgate.internal;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of what determines a candidate's results: its candidate file and the requirement table
 * (with the run's sampling overrides). Two runs with the same hash measured the same thing.
 */
final class ConfigHash {

    private ConfigHash() {
    }

    static String of(Candidate candidate, Requirements requirements) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(candidate.id().getBytes(StandardCharsets.UTF_8));
            if (candidate.source().isPresent()) {
                sha.update(read(candidate.source().get()));
            } else {
                sha.update(candidate.toString().getBytes(StandardCharsets.UTF_8));
            }
            sha.update(requirements.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
