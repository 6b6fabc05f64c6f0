package dev.modelgate.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build check: the project's own tests must leave the top-level {@code allure-results/} (the
 * qualification's report input) as they found it. {@code snapshot <dir> <file>} lists the directory
 * (path, size, modification time) before the tests; {@code check <dir> <file>} lists it again after
 * them and fails with the files that appeared, changed or went.
 */
public final class AllureResultsGuard {

    private AllureResultsGuard() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[0].equals("snapshot") || args[0].equals("check"))) {
            throw new IllegalArgumentException("usage: snapshot|check <allure-results dir> <listing file>");
        }
        Path dir = Path.of(args[1]);
        Path listing = Path.of(args[2]);
        if (args[0].equals("snapshot")) {
            Files.createDirectories(listing.toAbsolutePath().getParent());
            Files.write(listing, list(dir));
            return;
        }
        List<String> differences = differences(Files.readAllLines(listing), list(dir));
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the project's own tests changed " + dir + " (" + differences.size()
                    + " entries), which must hold qualification runs only; the tests' Allure output belongs under"
                    + " target/. First: " + differences.subList(0, Math.min(5, differences.size())));
        }
    }

    /** Every regular file under {@code dir}, as "relative path, size, modification time", sorted. */
    static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> out = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.add(dir.relativize(p) + "\t" + Files.size(p) + "\t" + Files.getLastModifiedTime(p).toMillis());
            }
            return out;
        }
    }

    /** What appeared ({@code +}), went ({@code -}) or changed between two listings. */
    static List<String> differences(List<String> before, List<String> after) {
        List<String> out = new ArrayList<>();
        after.stream().filter(a -> !before.contains(a)).forEach(a -> out.add("+ " + a.split("\t")[0]));
        before.stream().filter(b -> !after.contains(b)).forEach(b -> out.add("- " + b.split("\t")[0]));
        return out;
    }
}
