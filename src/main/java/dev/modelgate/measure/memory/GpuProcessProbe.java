package dev.modelgate.measure.memory;

import dev.modelgate.catalog.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Memory of a GPU server: {@code nvidia-smi --query-compute-apps=pid,used_memory} summed over the
 * server's processes (several processes, several GPUs). Where nvidia-smi answers {@code [N/A]} for
 * the GPU's memory (unified memory, DGX Spark) it falls back to {@link UnifiedMemoryProbe} and says so.
 */
final class GpuProcessProbe {

    private final Settings settings;

    GpuProcessProbe(Settings settings) {
        this.settings = settings;
    }

    MemoryReading measure(ProcessScope scope, BootMemory boot, VllmMemoryFigures log) {
        NvidiaSmi smi = NvidiaSmi.locate(settings).orElseThrow(() -> new CannotMeasure("nvidia-smi is not on the"
                + " PATH, so the GPU memory of " + scope.describe() + " cannot be read; install the NVIDIA driver"
                + " utilities or point -D" + MemorySettings.NVIDIA_SMI + "=/path/to/nvidia-smi at it"));
        NvidiaSmi.Answer<List<GpuMemory>> gpus = smi.gpus();
        NvidiaSmi.Answer<List<ComputeApp>> apps = smi.computeApps();
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(gpus.commandLine(), gpus.output());
        outputs.put(apps.commandLine(), apps.output());

        Set<Long> pids = scope.pids();
        List<ComputeApp> mine = apps.value().stream().filter(a -> pids.contains(a.pid())).toList();
        boolean numeric = !mine.isEmpty() && mine.stream().allMatch(a -> a.usedMiB().isPresent());
        boolean unified = GpuMemory.unified(gpus.value());

        if (unified) {
            String why = "nvidia-smi prints memory.total as " + gpus.value().get(0).totalAsPrinted()
                    + " (unified memory: the GPU shares system memory)";
            // GB10 still reports used_memory per process: keep every row that has a figure.
            List<ComputeApp> counted = mine.stream().filter(a -> a.usedMiB().isPresent()).toList();
            if (boot.beforeBoot().isPresent()) {
                return UnifiedMemoryProbe.measure(boot.beforeBoot().get(), MemorySettings.meminfo(settings), log,
                        why, counted.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(sumGiB(counted)),
                        counted.size(), mine.size(), outputs);
            }
            if (numeric) {
                return reading(scope, mine, log, outputs, List.of(why + "; no MemAvailable reading was taken before"
                        + " boot, so this is nvidia-smi's per-process figure only: CPU-side memory of the server is"
                        + " not in it"));
            }
            throw new CannotMeasure(why + ", and no MemAvailable reading was taken before boot (BootMemory.beforeBoot"
                    + " is empty; the harness takes it with BootMemory.takeBeforeBoot just before boot)", outputs);
        }
        if (mine.isEmpty()) {
            throw new CannotMeasure("nvidia-smi lists no compute process of " + scope + "; it lists "
                    + listed(apps.value()) + ". If the server runs in a container or on another machine, its"
                    + " processes are not in this tree (vllm-docker: name the container)", outputs);
        }
        if (!numeric) {
            throw new CannotMeasure("nvidia-smi lists the server's processes but prints their used_memory as "
                    + mine.stream().map(ComputeApp::usedAsPrinted).distinct().collect(Collectors.joining(", "))
                    + " while the GPU reports its memory (" + gpus.value().get(0).totalAsPrinted() + " MiB): not a"
                    + " unified-memory machine, so system memory would not measure GPU memory", outputs);
        }
        return reading(scope, mine, log, outputs, List.of());
    }

    private static MemoryReading reading(ProcessScope scope, List<ComputeApp> mine, VllmMemoryFigures log,
                                         Map<String, String> outputs, List<String> extraNotes) {
        double mib = mine.stream().mapToDouble(a -> a.usedMiB().getAsDouble()).sum();
        double gib = Gib.ofMiB(mib);
        Map<String, Object> details = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ComputeApp a : mine) {
            rows.add(Map.of("pid", a.pid(), "usedMiB", a.usedMiB().getAsDouble()));
        }
        details.put("processes", rows);
        details.put("usedMiB", mib);
        details.put("scope", scope.describe());
        List<String> notes = new ArrayList<>(extraNotes);
        notes.add("nvidia-smi used_memory summed over " + mine.size() + " process row(s) of " + scope.describe()
                + ": " + Math.round(mib) + " MiB = " + Gib.format(gib) + " (CUDA context included)");
        log.weightsPlusKvCacheGiB().ifPresent(logGiB -> {
            details.put("logWeightsPlusKvCacheGiB", Gib.round(logGiB));
            notes.add("vLLM's log: weights " + Gib.format(log.weightsGiB().getAsDouble()) + " + KV cache "
                    + Gib.format(log.kvCacheGiB().getAsDouble()) + " = " + Gib.format(logGiB) + "; the other "
                    + Gib.format(gib - logGiB) + " are CUDA context, activations and CUDA graphs");
        });
        return new MemoryReading(gib, MemoryReading.NVIDIA_SMI, details, notes, outputs);
    }

    private static double sumGiB(List<ComputeApp> apps) {
        return Gib.ofMiB(apps.stream().mapToDouble(a -> a.usedMiB().getAsDouble()).sum());
    }

    private static String listed(List<ComputeApp> apps) {
        if (apps.isEmpty()) {
            return "no process at all";
        }
        return apps.stream().map(a -> "pid " + a.pid() + " (" + a.usedAsPrinted() + " MiB)")
                .collect(Collectors.joining(", "));
    }
}
