package dev.modelgate.measure.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The resident set size ({@code VmRSS}) of a process, from {@code /proc/<pid>/status}. */
final class ProcStatus {

    private ProcStatus() {
    }

    /** {@code VmRSS} in kB from the text of a status file; empty for a kernel thread or a zombie. */
    public static OptionalLong vmRssKiB(String statusText) {
        return MemInfo.field(statusText, "VmRSS");
    }

    /** {@code VmRSS} of {@code pid} in kB; empty when the process is gone or has no resident memory. */
    public static OptionalLong vmRssKiB(long pid) {
        Path file = Path.of("/proc", String.valueOf(pid), "status");
        try {
            return vmRssKiB(Files.readString(file));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code VmRSS} of this JVM in kB; empty where there is no {@code /proc} (not Linux). */
    public static OptionalLong selfVmRssKiB() {
        return vmRssKiB(ProcessHandle.current().pid());
    }
}
