package dev.modelgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Executable shell scripts written by tests (launchers standing in for vllm, docker, nvidia-smi). */
public final class Scripts {

    private Scripts() {
    }

    public static Path write(Path dir, String name, String body) {
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve(name);
            Files.writeString(script, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether any process on the machine has {@code marker} in its command line. */
    public static boolean anyProcessWith(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.isAlive()
                && p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
    }
}
