package dev.modelgate.engine.docker;

import dev.modelgate.catalog.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short docker commands ({@code stop}, {@code rm}, {@code inspect}, {@code top}) with a time limit. */
final class DockerCli {

    private final String docker;

    DockerCli(String docker) {
        this.docker = docker;
    }

    /** The outcome of one command. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs {@code docker args…}; a command that does not finish in {@code limit} is killed (exit code -1). */
    Result run(Duration limit, String... args) {
        List<String> command = new ArrayList<>();
        command.add(docker);
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes(); // ends when the command closes its output
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + limit.toSeconds() + " s: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), Secret.redact(new String(out, StandardCharsets.UTF_8)).strip());
        } catch (IOException e) {
            return new Result(-1, "cannot run " + docker + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted: " + String.join(" ", command));
        }
    }

    /** The host pids of the container's processes ({@code docker top NAME -eo pid}); empty if unknown. */
    List<Long> processes(String container) {
        Result r = run(Duration.ofSeconds(15), "top", container, "-eo", "pid");
        List<Long> pids = new ArrayList<>();
        if (r.ok()) {
            for (String line : r.output().split("\\R")) {
                if (line.strip().matches("\\d+")) {
                    pids.add(Long.parseLong(line.strip()));
                }
            }
        }
        return pids;
    }

    /** The host pid of the container's first process ({@code docker inspect}), or -1. */
    long mainPid(String container) {
        Result r = run(Duration.ofSeconds(15), "inspect", "--format", "{{.State.Pid}}", container);
        return r.ok() && r.output().matches("\\d+") ? Long.parseLong(r.output()) : -1;
    }
}
