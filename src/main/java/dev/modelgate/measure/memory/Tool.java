package dev.modelgate.measure.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a measuring tool (nvidia-smi, docker) with a time limit and returns what it printed. */
final class Tool {

    static final long TIMEOUT_SECONDS = 30;

    private Tool() {
    }

    /**
     * @param what how to name the tool in a message, with the setting that points at it
     * @throws CannotMeasure when the tool cannot be started, times out or exits with an error
     */
    static Output run(String executable, List<String> args, String what) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(args);
        String commandLine = String.join(" ", command);
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("modelgate-tool", ".out");
            stderr = Files.createTempFile("modelgate-tool", ".err");
            Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new CannotMeasure("`" + commandLine + "` did not answer within " + TIMEOUT_SECONDS + " s");
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new CannotMeasure("`" + commandLine + "` exited with status " + p.exitValue() + ": "
                        + (err + out).trim(), Map.of(commandLine, err + out));
            }
            return new Output(commandLine, out);
        } catch (IOException e) {
            throw new CannotMeasure("cannot run " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotMeasure("interrupted while waiting for `" + commandLine + "`");
        } finally {
            delete(stdout);
            delete(stderr);
        }
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
    }

    record Output(String commandLine, String stdout) {
    }
}
