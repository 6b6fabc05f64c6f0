package dev.modelgate.measure.memory;

import dev.modelgate.catalog.Settings;
import java.util.List;
import java.util.Optional;

/**
 * The memory of this machine's GPUs, which {@code --gpu-memory-utilization} is a share of: the
 * smallest {@code memory.total} nvidia-smi reports, or on unified-memory machines (nvidia-smi
 * answers {@code [N/A]}) {@code MemTotal} from {@code /proc/meminfo}.
 *
 * @param gpuTotalGiB memory of one GPU
 * @param source      how it was found, for the report
 */
public record MachineMemory(double gpuTotalGiB, int gpus, boolean unified, String source) {

    /** This machine's GPU memory; empty (with no budget possible) when there is no nvidia-smi. */
    public static Optional<MachineMemory> detect(Settings settings) {
        Optional<NvidiaSmi> smi = NvidiaSmi.locate(settings);
        if (smi.isEmpty()) {
            return Optional.empty();
        }
        List<GpuMemory> gpus;
        try {
            gpus = smi.get().gpus().value();
        } catch (CannotMeasure e) {
            return Optional.empty();
        }
        if (gpus.isEmpty()) {
            return Optional.empty();
        }
        if (GpuMemory.unified(gpus)) {
            MemInfo mem = MemInfo.read(MemorySettings.meminfo(settings));
            return Optional.of(new MachineMemory(mem.totalGiB(), gpus.size(), true, "MemTotal of "
                    + MemorySettings.meminfo(settings) + " (nvidia-smi prints memory.total as "
                    + gpus.get(0).totalAsPrinted() + ": unified memory)"));
        }
        double minMiB = gpus.stream().filter(g -> g.totalMiB().isPresent())
                .mapToDouble(g -> g.totalMiB().getAsDouble()).min().orElseThrow();
        return Optional.of(new MachineMemory(Gib.ofMiB(minMiB), gpus.size(), false,
                "nvidia-smi memory.total " + Math.round(minMiB) + " MiB"));
    }
}
