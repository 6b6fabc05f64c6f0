package dev.modelgate.measure.memory;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Settings;
import java.util.Optional;

/**
 * What the harness does right before it boots a candidate: finds the GPU memory, turns the VRAM
 * requirement into the candidate's budget (vLLM engines), and takes the before-boot readings.
 *
 * <pre>{@code
 * BudgetMode.Prepared prepared = BudgetMode.prepare(candidate, requirements, settings);
 * RunningModel model = engine.start(prepared.candidate(), context);   // boots with the budget
 * // inject prepared.boot() into the tests as their BootMemory parameter
 * }</pre>
 */
public final class BudgetMode {

    private BudgetMode() {
    }

    public static Prepared prepare(Candidate candidate, Requirements requirements, Settings settings) {
        if (!VllmBudget.ENGINES.contains(candidate.engine().type())) {
            return new Prepared(candidate, BootMemory.takeBeforeBoot(settings, Optional.empty(),
                    "engine '" + candidate.engine().type() + "' takes no memory budget: its footprint is judged"));
        }
        Optional<MachineMemory> machine = MachineMemory.detect(settings);
        if (machine.isEmpty()) {
            return new Prepared(candidate, BootMemory.takeBeforeBoot(settings, Optional.empty(),
                    "booted without a memory budget: no GPU memory total (nvidia-smi not found or not answering;"
                            + " set -D" + MemorySettings.NVIDIA_SMI + ")"));
        }
        double total = machine.get().gpuTotalGiB();
        Optional<MemoryBudget> budget = VllmBudget.budgetOf(candidate, requirements, total);
        Candidate budgeted = VllmBudget.withBudget(candidate, requirements, total);
        String note = budget.map(b -> b.describe() + "; GPU memory from " + machine.get().source())
                .orElse("booted without a memory budget: the vram requirement has no \"<=\" or \"<\" must-have in"
                        + " GiB");
        return new Prepared(budgeted, BootMemory.takeBeforeBoot(settings, budget, note));
    }

    /** The candidate to boot and the readings to inject. */
    public record Prepared(Candidate candidate, BootMemory boot) {
    }
}
