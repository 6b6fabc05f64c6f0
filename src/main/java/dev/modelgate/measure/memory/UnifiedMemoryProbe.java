package dev.modelgate.measure.memory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Memory of a server on a unified-memory machine (DGX Spark): the drop of {@code MemAvailable}
 * between a reading taken just before boot and one taken now (ready and warmed up), cross-checked
 * with vLLM's own figures (weights + KV cache) from its log. Both are reported, with the difference.
 */
final class UnifiedMemoryProbe {

    private UnifiedMemoryProbe() {
    }

    /**
     * @param nvidiaSmiPerProcessGiB nvidia-smi's {@code used_memory} summed over the server's rows that had one
     * @param rowsWithFigure         how many of the server's rows had a figure
     * @param rows                   how many rows nvidia-smi listed for the server
     */
    static MemoryReading measure(MemInfo before, Path meminfo, VllmMemoryFigures log, String why,
                                 OptionalDouble nvidiaSmiPerProcessGiB, int rowsWithFigure, int rows,
                                 Map<String, String> toolOutputs) {
        Map<String, String> outputs = new LinkedHashMap<>(toolOutputs);
        MemInfo after;
        try {
            after = MemInfo.read(meminfo);
        } catch (RuntimeException e) {
            throw new CannotMeasure(why + "; and " + meminfo + " cannot be read: " + e.getMessage(), outputs);
        }
        outputs.put("MemAvailable before boot and when ready (" + meminfo + ")",
                "before boot: MemTotal " + before.totalKiB() + " kB, MemAvailable " + before.availableKiB() + " kB\n"
                        + "ready+warm:  MemTotal " + after.totalKiB() + " kB, MemAvailable " + after.availableKiB()
                        + " kB\n");
        double drop = Gib.ofKiB(before.availableKiB() - after.availableKiB());
        if (drop <= 0) {
            throw new CannotMeasure(why + "; but MemAvailable did not drop between before boot ("
                    + Gib.format(before.availableGiB()) + ") and ready (" + Gib.format(after.availableGiB())
                    + "): other processes freed memory meanwhile, so the drop cannot be attributed to the model"
                    + log.weightsPlusKvCacheGiB().stream().mapToObj(v -> " (vLLM's log says weights + KV cache = "
                    + Gib.format(v) + ")").findFirst().orElse(""), outputs);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("memTotalGiB", Gib.round(after.totalGiB()));
        details.put("memAvailableBeforeGiB", Gib.round(before.availableGiB()));
        details.put("memAvailableReadyGiB", Gib.round(after.availableGiB()));
        List<String> notes = new ArrayList<>();
        notes.add(why + ": fell back to the unified-memory method");
        notes.add("MemAvailable dropped from " + Gib.format(before.availableGiB()) + " before boot to "
                + Gib.format(after.availableGiB()) + " when ready and warm: " + Gib.format(drop));
        log.weightsPlusKvCacheGiB().ifPresent(logGiB -> {
            double disagreement = drop - logGiB;
            details.put("logWeightsPlusKvCacheGiB", Gib.round(logGiB));
            details.put("disagreementGiB", Gib.round(disagreement));
            details.put("disagreementPercent", Gib.round(100 * disagreement / logGiB));
            notes.add("vLLM's log says weights " + Gib.format(log.weightsGiB().getAsDouble()) + " + KV cache "
                    + Gib.format(log.kvCacheGiB().getAsDouble()) + " = " + Gib.format(logGiB) + "; the drop is "
                    + Gib.format(disagreement) + " (" + Gib.round(100 * disagreement / logGiB) + " %) "
                    + (disagreement >= 0 ? "more: the server's CPU-side memory, CUDA context and graphs, and whatever"
                    + " else changed on the machine meanwhile" : "less: memory freed elsewhere while the model loaded"));
        });
        nvidiaSmiPerProcessGiB.ifPresent(v -> {
            double difference = drop - v;
            details.put("nvidiaSmiPerProcessGiB", Gib.round(v));
            details.put("perProcessDifferenceGiB", Gib.round(difference));
            if (rowsWithFigure < rows) {
                details.put("nvidiaSmiRowsWithoutFigure", rows - rowsWithFigure);
            }
            notes.add("nvidia-smi's per-process used_memory sums to " + Gib.format(v) + " (GPU allocations only"
                    + (rowsWithFigure < rows ? "; " + (rows - rowsWithFigure) + " of the server's " + rows
                    + " rows had no figure" : "") + "); the MemAvailable drop is " + Gib.format(difference)
                    + (difference >= 0 ? " more: the server's CPU-side memory (Python, tokenizer, pinned buffers)"
                    + " and whatever else changed on the machine meanwhile"
                    : " less: memory freed elsewhere while the model loaded"));
        });
        return new MemoryReading(drop, MemoryReading.UNIFIED_MEMORY, details, notes, outputs);
    }
}
