package dev.modelgate.report;

import dev.modelgate.verdict.ResultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** {@link AllureOutput} into an Allure results directory; report calls go to {@link AllureReport}. */
final class AllureResultsOutput implements AllureOutput {

    private final Path dir;

    AllureResultsOutput(Path dir) {
        this.dir = dir;
    }

    @Override
    public Path resultsDir() {
        return dir;
    }

    @Override
    public void writeResultsFile(String name, byte[] content) {
        ResultStore.writeAtomically(dir.resolve(name), new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public void carryHistory(Path previousHistory) {
        Path target = dir.resolve("history");
        try {
            deleteTree(target);
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(previousHistory)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the Allure history from " + previousHistory + " to " + target, e);
        }
    }

    @Override
    public void attach(String name, String mediaType, String extension, String content) {
        AllureReport.INSTANCE.attach(name, mediaType, extension, content);
    }

    @Override
    public void attach(String name, String mediaType, String extension, byte[] content) {
        AllureReport.INSTANCE.attach(name, mediaType, extension, content);
    }

    @Override
    public void step(String name) {
        AllureReport.INSTANCE.step(name);
    }

    @Override
    public void failedStep(String name) {
        AllureReport.INSTANCE.failedStep(name);
    }

    @Override
    public void place(Map<String, String> labels, Map<String, String> parameters, String stableKey) {
        AllureReport.INSTANCE.place(labels, parameters, stableKey);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
