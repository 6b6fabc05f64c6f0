package dev.modelgate.faults;

import dev.modelgate.testing.QualificationRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The qualification suite in a JVM of its own, as Maven's test JVM runs it, so that a test can
 * signal or kill the harness: {@code java … QualificationMain key=value … [only=test,test]}, every
 * {@code key=value} a setting ({@code model}, {@code modelgate.*}).
 */
public final class QualificationMain {

    private QualificationMain() {
    }

    public static void main(String[] args) {
        QualificationRun run = QualificationRun.suite();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            if (key.equals("only")) {
                run.only(value.split(","));
            } else {
                run.set(key, value);
            }
        }
        run.execute();
        System.out.println("qualification finished");
    }

    /** Starts this main in a new JVM with the test class path; its output goes to {@code output}. */
    static Process start(Path output, String... args) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), QualificationMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }

    /** Waits for {@code process} to end, at most {@code seconds}; false when it is still running. */
    static boolean awaitExit(Process process, int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }
}
