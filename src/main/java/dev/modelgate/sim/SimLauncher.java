package dev.modelgate.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a {@code vllm} executable that starts {@link SimulatorMain} in a fresh JVM with a given
 * script, so that an engine can boot the simulator exactly as it boots vLLM (hand the returned
 * path to the engine through the setting {@code modelgate.vllm}).
 */
public final class SimLauncher {

    /** Flags for a JVM that starts fast: C1 only, class-data sharing, the serial collector. */
    static final String JVM_FLAGS = "-XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC -Xss512k";

    private SimLauncher() {
    }

    /**
     * Writes {@code dir/vllm} and, beside it, {@code dir/vllm-sim-script.json}.
     *
     * @return the executable
     */
    public static Path write(Path dir, SimScript script) {
        return write(dir, script, JVM_FLAGS, System.getProperty("java.class.path"));
    }

    /**
     * As {@link #write(Path, SimScript)}, with the simulator's JVM started with {@code jvmFlags} on
     * {@code classPath} (under {@code mvn exec:java} the JVM's own class path is Maven's, not the project's).
     */
    public static Path write(Path dir, SimScript script, String jvmFlags, String classPath) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("vllm-sim-script.json").toAbsolutePath();
            script.save(json);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            String text = "#!/bin/sh\n"
                    + "# vLLM stand-in for tests: the modelgate simulator with the script beside this file.\n"
                    + "exec " + quote(java.toString()) + " " + jvmFlags
                    + " -cp " + quote(classPath)
                    + " " + SimulatorMain.class.getName() + " --sim-script " + quote(json.toString()) + " \"$@\"\n";
            Path exe = dir.resolve("vllm");
            Files.writeString(exe, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
            return exe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes for {@code sh}: single quotes, with embedded single quotes escaped. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
