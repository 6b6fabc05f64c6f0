package dev.modelgate.measure.memory;

import dev.modelgate.catalog.Settings;
import dev.modelgate.engine.VllmEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The {@code nvidia-smi} command: {@link MemorySettings#NVIDIA_SMI} if set, else {@code nvidia-smi}
 * on the PATH.
 */
final class NvidiaSmi {

    public static final List<String> COMPUTE_APPS_ARGS =
            List.of("--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits");
    public static final List<String> GPU_MEMORY_ARGS =
            List.of("--query-gpu=index,memory.total,memory.used", "--format=csv,noheader,nounits");

    public static final List<String> RESERVED_ARGS =
            List.of("--query-gpu=index,memory.reserved", "--format=csv,noheader,nounits");

    private final String executable;

    private NvidiaSmi(String executable) {
        this.executable = executable;
    }

    /** The configured or installed nvidia-smi; empty when there is none. */
    public static Optional<NvidiaSmi> locate(Settings settings) {
        Optional<String> configured = settings.get(MemorySettings.NVIDIA_SMI);
        if (configured.isPresent()) {
            return Optional.of(new NvidiaSmi(configured.get()));
        }
        return VllmEngine.onPath("nvidia-smi").map(p -> new NvidiaSmi(p.toString()));
    }

    /** {@code --query-compute-apps=pid,used_memory}: the processes holding GPU memory. */
    public Answer<List<ComputeApp>> computeApps() {
        Tool.Output out = run(COMPUTE_APPS_ARGS);
        return new Answer<>(out.commandLine(), out.stdout(), parse(out, ComputeApp::parse));
    }

    /** {@code --query-gpu=index,memory.total,memory.used}: each GPU's memory ({@code [N/A]} when unified). */
    public Answer<List<GpuMemory>> gpus() {
        Tool.Output out = run(GPU_MEMORY_ARGS);
        return new Answer<>(out.commandLine(), out.stdout(), parse(out, GpuMemory::parse));
    }

    /**
     * {@code --query-gpu=index,memory.reserved}: memory the driver and firmware keep for themselves,
     * by GPU index. CUDA's total (and so vLLM's) is {@code memory.total} minus this. Drivers before
     * this field existed answer with an error.
     */
    public Answer<Map<Integer, OptionalDouble>> reserved() {
        Tool.Output out = run(RESERVED_ARGS);
        return new Answer<>(out.commandLine(), out.stdout(), parse(out, text -> {
            Map<Integer, OptionalDouble> byIndex = new LinkedHashMap<>();
            for (Map<String, String> row : NvidiaSmiCsv.parse(text, List.of("index", "memory.reserved"))) {
                byIndex.put((int) NvidiaSmiCsv.number(row.get("index")).orElse(-1),
                        NvidiaSmiCsv.number(row.get("memory.reserved")));
            }
            return byIndex;
        }));
    }

    private Tool.Output run(List<String> args) {
        return Tool.run(executable, args, "nvidia-smi (set -D" + MemorySettings.NVIDIA_SMI
                + "=/path/to/nvidia-smi if it is not on the PATH)");
    }

    private static <T> T parse(Tool.Output out, Function<String, T> parser) {
        try {
            return parser.apply(out.stdout());
        } catch (IllegalArgumentException e) {
            throw new CannotMeasure("`" + out.commandLine() + "` printed something else than expected: "
                    + e.getMessage(), Map.of(out.commandLine(), out.stdout()));
        }
    }

    /** What a query printed and what it means. */
    public record Answer<T>(String commandLine, String output, T value) {
    }
}
