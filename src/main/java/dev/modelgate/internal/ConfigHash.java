package dev.modelgate.internal;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.ResourceDirs;
import dev.modelgate.catalog.Settings;
import dev.modelgate.verdict.ConfigParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A hash of what determines a candidate's results: its candidate file, the requirement table
 * (with the run's sampling overrides), every case file, the runs of each quality case, the engine
 * and the engine's version.
 * Two runs with the same hash measured the same thing, so {@code -Dmodelgate.resume} may reuse one.
 */
final class ConfigHash {

    private ConfigHash() {
    }

    static String of(Candidate candidate, Requirements requirements, Settings settings, Optional<String> engineVersion) {
        MessageDigest sha = sha256();
        update(sha, "candidate", candidate.id());
        if (candidate.source().isPresent()) {
            sha.update(read(candidate.source().get()));
        } else {
            update(sha, "ad-hoc", candidate.toString());
        }
        update(sha, "requirements", requirements.toString());
        update(sha, "engine", candidate.engine().type() + " " + engineVersion.orElse("unknown"));
        update(sha, "cases", casesDigest(settings));
        update(sha, "caseFilter", settings.get(dev.modelgate.cases.QualityCases.FILTER).orElse(""));
        int repeats = settings.getInt(Settings.REPEATS, 1);
        if (repeats != 1) { // runs of each quality case change the figures; 1 keeps earlier hashes valid
            update(sha, "repeats", String.valueOf(repeats));
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** The same inputs as {@link #of}, digested one by one, so that two results can say which input differs. */
    static ConfigParts parts(Candidate candidate, Requirements requirements, Settings settings,
                             Optional<String> engineVersion) {
        String file = candidate.source().isPresent()
                ? HexFormat.of().formatHex(sha256().digest(read(candidate.source().get())), 0, 8)
                : ConfigParts.digest(candidate.toString());
        return ConfigParts.of(file, candidate.engine().type() + " " + engineVersion.orElse("unknown"), requirements,
                casesDigest(settings).substring(0, 16));
    }

    /** A digest over every case file (built-in, on the class path and {@code modelgate.cases}), by relative path and content. */
    static String casesDigest(Settings settings) {
        MessageDigest sha = sha256();
        List<Path> roots = new ArrayList<>(ResourceDirs.layers("cases"));
        settings.get(Settings.CASES).map(Path::of).filter(Files::isDirectory).ifPresent(roots::add);
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    update(sha, "file", root.relativize(f).toString());
                    sha.update(read(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String label, String value) {
        sha.update((label + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
