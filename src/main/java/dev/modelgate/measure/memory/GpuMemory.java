package dev.modelgate.measure.memory;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One row of {@code nvidia-smi --query-gpu=index,memory.total,memory.used}. On unified-memory
 * machines (DGX Spark, GB10) both memory cells read {@code [N/A]}.
 */
record GpuMemory(int index, OptionalDouble totalMiB, OptionalDouble usedMiB, String totalAsPrinted) {

    /** The fields modelgate queries, in this order. */
    public static final List<String> FIELDS = List.of("index", "memory.total", "memory.used");

    /** Reads the output of {@code --query-gpu=index,memory.total,memory.used --format=csv[,noheader][,nounits]}. */
    public static List<GpuMemory> parse(String output) {
        return parse(output, FIELDS);
    }

    /** Reads a {@code --query-gpu} answer for other fields, as long as they include the three above. */
    public static List<GpuMemory> parse(String output, List<String> fields) {
        return NvidiaSmiCsv.parse(output, fields).stream().map(row -> new GpuMemory(
                (int) NvidiaSmiCsv.number(row.get("index")).orElseThrow(() -> new IllegalArgumentException(
                        "nvidia-smi query-gpu row has no GPU index: " + row)),
                NvidiaSmiCsv.number(row.get("memory.total")),
                NvidiaSmiCsv.number(row.get("memory.used")),
                row.get("memory.total"))).toList();
    }

    /** Whether nvidia-smi gives no memory total for any of these GPUs: unified memory. */
    public static boolean unified(List<GpuMemory> gpus) {
        return !gpus.isEmpty() && gpus.stream().allMatch(g -> g.totalMiB().isEmpty());
    }
}
