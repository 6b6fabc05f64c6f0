package dev.modelgate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Allure command line that Maven unpacks into {@code target/allure-commandline} (from
 * {@code io.qameta.allure:allure-commandline:zip} on Maven Central). Runs with
 * {@code ALLURE_NO_ANALYTICS=true}, so the report carries no analytics script.
 */
final class AllureCommandline {

    static final Path UNPACKED = Path.of("target", "allure-commandline");
    private static final Duration LIMIT = Duration.ofSeconds(180);

    private final Path home;

    private AllureCommandline(Path home) {
        this.home = home;
    }

    /** The unpacked command line; empty when Maven has not unpacked it (e.g. a run outside Maven). */
    static Optional<AllureCommandline> find() throws IOException {
        if (!Files.isDirectory(UNPACKED)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(UNPACKED)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("bin/allure"))).findFirst().map(AllureCommandline::new);
        }
    }

    /** {@code allure generate <results> -o <report> --clean}. */
    void generate(Path results, Path report) throws IOException, InterruptedException {
        Path log = Files.createTempFile("allure-generate", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", home.resolve("bin/allure").toString(), "generate",
                results.toString(), "-o", report.toString(), "--clean"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ALLURE_NO_ANALYTICS", "true");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("allure generate did not finish within " + LIMIT.toSeconds() + " s");
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(report.resolve("index.html"))) {
            throw new IllegalStateException("allure generate exited with " + p.exitValue() + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
