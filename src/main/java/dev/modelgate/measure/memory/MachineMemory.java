package dev.modelgate.measure.memory;

import dev.modelgate.catalog.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The memory of this machine's GPUs, which {@code --gpu-memory-utilization} is a share of: the
 * total CUDA reports for the smallest GPU, which is nvidia-smi's {@code memory.total} minus
 * {@code memory.reserved} (an H100 80GB: 81,559 − 480 = 81,079 MiB), or on unified-memory machines
 * (nvidia-smi answers {@code [N/A]}) {@code MemTotal} from {@code /proc/meminfo}.
 *
 * @param gpuTotalGiB memory of one GPU
 * @param source      how it was found, for the report
 */
record MachineMemory(double gpuTotalGiB, int gpus, boolean unified, String source) {

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
        Map<Integer, OptionalDouble> reserved;
        try {
            reserved = smi.get().reserved().value();
        } catch (CannotMeasure e) {
            reserved = Map.of();
        }
        double minMiB = Double.MAX_VALUE;
        String source = "";
        for (GpuMemory g : gpus) {
            if (g.totalMiB().isEmpty()) {
                continue;
            }
            double total = g.totalMiB().getAsDouble();
            OptionalDouble r = reserved.getOrDefault(g.index(), OptionalDouble.empty());
            double usable = total - r.orElse(0);
            if (usable < minMiB) {
                minMiB = usable;
                source = r.isPresent()
                        ? "nvidia-smi memory.total " + Math.round(total) + " MiB − memory.reserved " + Math.round(r.getAsDouble())
                        + " MiB = " + Math.round(usable) + " MiB (the total CUDA reports, which vLLM takes its share of)"
                        : "nvidia-smi memory.total " + Math.round(total) + " MiB (memory.reserved not reported: the"
                        + " share is taken of the whole card, so vLLM gets slightly less)";
            }
        }
        return Optional.of(new MachineMemory(Gib.ofMiB(minMiB), gpus.size(), false, source));
    }
}
