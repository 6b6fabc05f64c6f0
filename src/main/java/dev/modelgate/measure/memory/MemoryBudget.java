package dev.modelgate.measure.memory;

/**
 * The memory budget a vLLM candidate boots with (SPEC §4 VRAM).
 *
 * @param gib                   the budget in GiB over all its GPUs; {@code null} when it is not a
 *                              fixed share (the candidate fixes the KV cache with
 *                              {@code --kv-cache-memory-bytes}: the footprint is then judged)
 * @param gpuMemoryUtilization  the {@code --gpu-memory-utilization} it boots with, if any
 * @param gpus                  GPUs it spans ({@code --tensor-parallel-size × --pipeline-parallel-size})
 * @param gpuTotalGiB           the memory of one GPU the share is taken of
 * @param origin                {@code requirement} (the harness set it from the must-have),
 *                              {@code declared} (the candidate's declared {@code vramGiB}) or
 *                              {@code candidate} (the candidate's own flag, respected)
 * @param argument              the flag as passed, e.g. {@code --gpu-memory-utilization 0.1424}
 */
public record MemoryBudget(Double gib, Double gpuMemoryUtilization, int gpus, double gpuTotalGiB, String origin,
                           String argument) {

    public static final String REQUIREMENT = "requirement";
    public static final String DECLARED = "declared";
    public static final String CANDIDATE = "candidate";

    /** Whether the budget is a fixed amount of memory (not the KV-cache-only form). */
    public boolean fixed() {
        return gib != null;
    }

    /**
     * A sentence for the report, e.g. "19.99 GiB: --gpu-memory-utilization 0.1424 of 140.4 GiB
     * (1 GPU), set from the requirement".
     */
    public String describe() {
        String from = switch (origin) {
            case REQUIREMENT -> "set by the harness from the requirement's must-have";
            case DECLARED -> "set by the harness from the candidate's declared vramGiB";
            default -> "the candidate's own setting, respected";
        };
        if (gib == null) {
            return "no fixed budget: " + argument + " fixes the KV cache only (" + from + "); the footprint is"
                    + " judged";
        }
        return Gib.format(gib) + ": " + argument + " of " + Gib.format(gpuTotalGiB) + " per GPU × " + gpus
                + " GPU" + (gpus == 1 ? "" : "s") + ", " + from;
    }
}
