package dev.modelgate.measure.memory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Memory figures in GiB (2<sup>30</sup> bytes), the unit of every memory figure modelgate reports.
 * nvidia-smi prints MiB, {@code /proc} prints kB (which the kernel means as KiB), Ollama prints bytes.
 */
public final class Gib {

    private Gib() {
    }

    public static double ofMiB(double mib) {
        return mib / 1024.0;
    }

    /** {@code /proc/meminfo} and {@code /proc/<pid>/status} write "kB"; the kernel means 1024 bytes. */
    public static double ofKiB(double kib) {
        return kib / (1024.0 * 1024.0);
    }

    public static double ofBytes(double bytes) {
        return bytes / (1024.0 * 1024.0 * 1024.0);
    }

    /** Rounded half-up to two decimals, as reported: 10,758 MiB → 10.51. */
    public static double round(double gib) {
        return BigDecimal.valueOf(gib).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code "10.51 GiB"}. */
    public static String format(double gib) {
        return BigDecimal.valueOf(gib).setScale(2, RoundingMode.HALF_UP).toPlainString() + " GiB";
    }
}
