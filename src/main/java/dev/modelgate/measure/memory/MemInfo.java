package dev.modelgate.measure.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reading of {@code /proc/meminfo}: {@code MemTotal} and {@code MemAvailable}, in the kB (KiB)
 * the kernel prints. On a unified-memory machine the GPU's memory is this memory.
 */
record MemInfo(long totalKiB, long availableKiB) {

    public static final Path PROC_MEMINFO = Path.of("/proc/meminfo");

    /**
     * @throws IllegalArgumentException naming the field that is missing (kernels before 3.14 have no
     *                                  {@code MemAvailable})
     */
    public static MemInfo parse(String text) {
        long total = field(text, "MemTotal").orElseThrow(() -> missing("MemTotal"));
        long available = field(text, "MemAvailable").orElseThrow(() -> missing("MemAvailable"));
        return new MemInfo(total, available);
    }

    public static MemInfo read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public double totalGiB() {
        return Gib.ofKiB(totalKiB);
    }

    public double availableGiB() {
        return Gib.ofKiB(availableKiB);
    }

    /** The line {@code <name>: <n> kB} of a {@code /proc} file, in kB. */
    static OptionalLong field(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s+(\\d+)\\s*kB\\s*$").matcher(text);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private static IllegalArgumentException missing(String field) {
        return new IllegalArgumentException("meminfo has no '" + field + ": <n> kB' line; expected the format of"
                + " Linux /proc/meminfo (MemAvailable exists since Linux 3.14)");
    }
}
