package dev.modelgate.measure.memory;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Threshold;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Budget mode for vLLM (SPEC §4 VRAM): the requirement's must-have (e.g. {@code "<= 20"} GiB, or
 * the candidate's declared {@code vramGiB} when smaller) becomes {@code --gpu-memory-utilization}
 * for the machine's GPU memory, unless the candidate already sets {@code --gpu-memory-utilization}
 * or {@code --kv-cache-memory-bytes}: then its setting is kept and the budget it implies is
 * reported. Pure functions; nothing is measured here.
 */
final class VllmBudget {

    public static final String UTILIZATION_FLAG = "--gpu-memory-utilization";
    public static final String KV_BYTES_FLAG = "--kv-cache-memory-bytes";
    static final Set<String> ENGINES = Set.of("vllm", "vllm-docker");

    private VllmBudget() {
    }

    /**
     * The candidate as it boots under budget mode: with {@code --gpu-memory-utilization} added when
     * the harness sets the budget; unchanged when the engine is not vLLM, the candidate sets its own,
     * or there is no must-have in GiB to convert.
     *
     * @param gpuTotalGiB memory of one GPU ({@link MachineMemory#gpuTotalGiB()})
     */
    public static Candidate withBudget(Candidate candidate, Requirements requirements, double gpuTotalGiB) {
        Optional<MemoryBudget> budget = budgetOf(candidate, requirements, gpuTotalGiB);
        if (budget.isEmpty() || !budget.get().origin().equals(MemoryBudget.REQUIREMENT)
                && !budget.get().origin().equals(MemoryBudget.DECLARED)) {
            return candidate;
        }
        List<String> args = new ArrayList<>(candidate.engine().args());
        args.add(UTILIZATION_FLAG);
        args.add(utilizationText(budget.get().gpuMemoryUtilization()));
        return candidate.withEngine(candidate.engine().withArgs(args));
    }

    /** The budget the candidate boots with under budget mode; empty when none applies (see {@link #withBudget}). */
    public static Optional<MemoryBudget> budgetOf(Candidate candidate, Requirements requirements, double gpuTotalGiB) {
        if (!ENGINES.contains(candidate.engine().type()) || !(gpuTotalGiB > 0)) {
            return Optional.empty();
        }
        List<String> args = candidate.engine().args();
        int gpus = intFlag(args, "--tensor-parallel-size", "-tp") * intFlag(args, "--pipeline-parallel-size", "-pp");
        Optional<String> own = flag(args, UTILIZATION_FLAG);
        if (own.isPresent()) {
            double u = parseUtilization(own.get());
            return Optional.of(new MemoryBudget(u * gpuTotalGiB * gpus, u, gpus, gpuTotalGiB, MemoryBudget.CANDIDATE,
                    UTILIZATION_FLAG + " " + own.get()));
        }
        Optional<String> kvBytes = flag(args, KV_BYTES_FLAG);
        if (kvBytes.isPresent()) {
            return Optional.of(new MemoryBudget(null, null, gpus, gpuTotalGiB, MemoryBudget.CANDIDATE,
                    KV_BYTES_FLAG + " " + kvBytes.get()));
        }
        Optional<Threshold.Comparison> must = requirements.get("vram").flatMap(RequirementSpec::must)
                .filter(Threshold.Comparison.class::isInstance).map(Threshold.Comparison.class::cast)
                .filter(c -> c.op() == Threshold.Comparison.Op.LE || c.op() == Threshold.Comparison.Op.LT);
        if (must.isEmpty()) {
            return Optional.empty();
        }
        double target = must.get().bound();
        String origin = MemoryBudget.REQUIREMENT;
        Double declared = candidate.declared().vramGiB();
        if (declared != null && declared > 0 && declared < target) {
            target = declared;
            origin = MemoryBudget.DECLARED;
        }
        double u = utilization(target, gpuTotalGiB * gpus, must.get().op() == Threshold.Comparison.Op.LT
                && origin.equals(MemoryBudget.REQUIREMENT));
        return Optional.of(new MemoryBudget(u * gpuTotalGiB * gpus, u, gpus, gpuTotalGiB, origin,
                UTILIZATION_FLAG + " " + utilizationText(u)));
    }

    /** The share of {@code totalGiB} that stays within {@code targetGiB}: rounded down to 4 decimals, at most 1. */
    static double utilization(double targetGiB, double totalGiB, boolean strictlyBelow) {
        BigDecimal u = BigDecimal.valueOf(targetGiB / totalGiB).setScale(4, RoundingMode.FLOOR);
        if (strictlyBelow && u.doubleValue() * totalGiB >= targetGiB) {
            u = u.subtract(new BigDecimal("0.0001"));
        }
        return Math.min(1.0, u.doubleValue());
    }

    static String utilizationText(double u) {
        return BigDecimal.valueOf(u).setScale(4, RoundingMode.FLOOR).stripTrailingZeros().toPlainString();
    }

    private static double parseUtilization(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(UTILIZATION_FLAG + " " + v + " is not a number between 0 and 1", e);
        }
    }

    private static int intFlag(List<String> args, String name, String shortName) {
        return flag(args, name).or(() -> flag(args, shortName)).map(Integer::parseInt).orElse(1);
    }

    /**
     * The value of a {@code vllm serve} flag written {@code --flag v}, {@code --flag=v}, or with
     * underscores ({@code --gpu_memory_utilization}), as vLLM's argument parser accepts.
     */
    static Optional<String> flag(List<String> args, String name) {
        String underscored = name.startsWith("--") ? "--" + name.substring(2).replace('-', '_') : name;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            for (String n : List.of(name, underscored)) {
                if (a.equals(n) && i + 1 < args.size()) {
                    return Optional.of(args.get(i + 1));
                }
                if (a.startsWith(n + "=")) {
                    return Optional.of(a.substring(n.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
