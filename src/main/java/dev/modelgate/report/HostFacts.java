package dev.modelgate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Facts about the machine that ran the qualification, for {@code environment.properties}: Java,
 * operating system, the git commit of the project, and the GPU and its driver when
 * {@code nvidia-smi} answers.
 */
public record HostFacts(String java, String os, Optional<String> gitCommit, Optional<String> gpu,
                        Optional<String> driver) {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Probes this machine; {@code env} is the process environment (CI systems name the commit there). */
    public static HostFacts probe(Path projectDir, Map<String, String> env) {
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        Optional<String> commit = commitFromEnvironment(env).or(() -> gitCommit(projectDir));
        Optional<String> smi = run(List.of("nvidia-smi", "--query-gpu=name,driver_version", "--format=csv,noheader"),
                projectDir);
        Optional<String[]> gpu = smi.flatMap(HostFacts::parseGpus);
        return new HostFacts(java, os, commit, gpu.map(g -> g[0]), gpu.map(g -> g[1]).filter(d -> !d.isEmpty()));
    }

    /**
     * The GPU name (with "×N" for N cards) and driver from
     * {@code nvidia-smi --query-gpu=name,driver_version --format=csv,noheader}; empty for no card.
     */
    static Optional<String[]> parseGpus(String csv) {
        List<String> lines = csv.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] first = lines.get(0).split(",", 2);
        long distinct = lines.stream().map(l -> l.split(",", 2)[0].trim()).distinct().count();
        String name = distinct == 1 ? first[0].trim() + (lines.size() > 1 ? " ×" + lines.size() : "")
                : String.join(" + ", lines.stream().map(l -> l.split(",", 2)[0].trim()).toList());
        return Optional.of(new String[] {name, first.length > 1 ? first[1].trim() : ""});
    }

    static Optional<String> commitFromEnvironment(Map<String, String> env) {
        for (String key : List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT", "BUILD_VCS_NUMBER")) {
            String v = env.get(key);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> gitCommit(Path dir) {
        Optional<String> head = run(List.of("git", "rev-parse", "HEAD"), dir).map(String::trim).filter(s -> !s.isEmpty());
        if (head.isEmpty()) {
            return head;
        }
        boolean dirty = run(List.of("git", "status", "--porcelain", "--untracked-files=no"), dir)
                .map(s -> !s.isBlank()).orElse(false);
        return Optional.of(head.get() + (dirty ? " (with uncommitted changes)" : ""));
    }

    /** The standard output of a command that exits 0 within the timeout; empty otherwise. */
    static Optional<String> run(List<String> command, Path dir) {
        Path out = null;
        try {
            out = Files.createTempFile("modelgate-probe", ".out");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(Files.readString(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
