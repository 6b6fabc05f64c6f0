package dev.modelgate.measure.memory;

import dev.modelgate.catalog.Settings;
import java.nio.file.Path;

/**
 * Settings of the memory measurement ({@code -D…} or {@code junit-platform.properties}, read
 * through {@link Settings}).
 */
public final class MemorySettings {

    /** The {@code nvidia-smi} executable; default: {@code nvidia-smi} on the PATH. */
    public static final String NVIDIA_SMI = "modelgate.nvidiaSmi";
    /** The {@code docker} executable used to list a container's processes; default: {@code docker} on the PATH. */
    public static final String DOCKER = "modelgate.docker";
    /** Where system memory is read; default {@code /proc/meminfo}. */
    public static final String MEMINFO = "modelgate.meminfo";

    private MemorySettings() {
    }

    public static Path meminfo(Settings settings) {
        return settings.get(MEMINFO).map(Path::of).orElse(MemInfo.PROC_MEMINFO);
    }
}
