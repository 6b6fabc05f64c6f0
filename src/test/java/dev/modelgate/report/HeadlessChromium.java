package dev.modelgate.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} in headless mode, started fresh for each page (own profile directory,
 * no background networking), to read a page's DOM after its scripts ran or to take a screenshot.
 */
final class HeadlessChromium {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    private final Path executable;
    private final Path workDir;

    private HeadlessChromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** Chromium on {@code path} ({@code chromium}, {@code chromium-browser}); empty when none is installed. */
    static Optional<HeadlessChromium> find(Path workDir, String path) {
        for (String dir : Optional.ofNullable(path).orElse("").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(new HeadlessChromium(p, workDir));
                }
            }
        }
        return Optional.empty();
    }

    /** The DOM of {@code url} after its scripts had {@code budgetMillis} of virtual time. */
    String dumpDom(String url, int budgetMillis) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "dom", ".html");
        run(List.of("--virtual-time-budget=" + budgetMillis, "--dump-dom", url), out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG screenshot of {@code url} at the given window size. */
    void screenshot(String url, Path png, int width, int height, int budgetMillis) throws IOException, InterruptedException {
        run(List.of("--virtual-time-budget=" + budgetMillis, "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), url), Files.createTempFile(workDir, "shot", ".out"));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IllegalStateException("chromium wrote no screenshot to " + png);
        }
    }

    private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "profile");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile));
        command.addAll(args);
        Path stderr = Files.createTempFile(workDir, "chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within " + LIMIT.toSeconds() + " s: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + p.exitValue() + ": " + command + "\n"
                    + tail(Files.readString(stderr, StandardCharsets.UTF_8)));
        }
    }

    private static String tail(String s) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
