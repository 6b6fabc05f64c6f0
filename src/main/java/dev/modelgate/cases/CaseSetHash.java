package dev.modelgate.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of a suite's cases: SHA-256 over every case's id and the bytes of its files (the
 * case file, an image), in id order. Two result files whose suites carry the same fingerprint ran the
 * same cases, so their outcomes can be paired case by case; a case edited, added or removed changes it.
 */
final class CaseSetHash {

    private CaseSetHash() {
    }

    /** {@code sha256:<hex>} of {@code cases}. */
    public static String of(List<CaseInfo> cases) {
        MessageDigest all = sha256();
        for (CaseInfo c : cases.stream().sorted(Comparator.comparing(CaseInfo::id)).toList()) {
            all.update(c.id().getBytes(StandardCharsets.UTF_8));
            all.update((byte) 0);
            for (Path file : c.files()) {
                all.update(sha256().digest(bytes(file)));
            }
            all.update((byte) '\n');
        }
        return "sha256:" + HexFormat.of().formatHex(all.digest());
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to fingerprint the cases", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
