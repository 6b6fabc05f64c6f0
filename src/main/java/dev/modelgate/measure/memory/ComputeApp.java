package dev.modelgate.measure.memory;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One row of {@code nvidia-smi --query-compute-apps=pid,used_memory}: a process holding memory on
 * one GPU (a process on two GPUs has two rows).
 *
 * @param usedMiB   the memory it holds, CUDA context included; empty when nvidia-smi prints
 *                  {@code [N/A]} or {@code [Not Supported]}
 * @param usedAsPrinted the cell as nvidia-smi printed it, for messages
 */
record ComputeApp(long pid, OptionalDouble usedMiB, String usedAsPrinted) {

    /** The fields modelgate queries, in this order. */
    public static final List<String> FIELDS = List.of("pid", "used_memory");

    /** Reads the output of {@code --query-compute-apps=pid,used_memory --format=csv[,noheader][,nounits]}. */
    public static List<ComputeApp> parse(String output) {
        return NvidiaSmiCsv.parse(output, FIELDS).stream().map(ComputeApp::of).toList();
    }

    static ComputeApp of(Map<String, String> row) {
        String pid = row.get("pid");
        OptionalDouble p = NvidiaSmiCsv.number(pid);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("nvidia-smi compute-apps row has no process id: \"" + pid + "\"");
        }
        String used = row.get("used_memory");
        return new ComputeApp((long) p.getAsDouble(), NvidiaSmiCsv.number(used), used);
    }
}
