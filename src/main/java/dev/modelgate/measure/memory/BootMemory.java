package dev.modelgate.measure.memory;

import dev.modelgate.catalog.Settings;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Memory facts from just before the candidate booted, injected into the VRAM test: the system
 * memory reading the unified-memory method needs, this JVM's resident set (for engines inside this
 * JVM), and the budget the candidate boots with.
 *
 * @param beforeBoot          {@code /proc/meminfo} read just before boot
 * @param jvmRssBeforeBootKiB this JVM's {@code VmRSS} read just before boot
 * @param budget              the budget the candidate boots with (vLLM budget mode), if any
 * @param budgetNote          why there is no budget, or how it was set, for the report
 */
public record BootMemory(Optional<MemInfo> beforeBoot, OptionalLong jvmRssBeforeBootKiB,
                         Optional<MemoryBudget> budget, String budgetNote) {

    /** Nothing known: the VRAM test will say which reading was missing. */
    public static BootMemory none() {
        return new BootMemory(Optional.empty(), OptionalLong.empty(), Optional.empty(),
                "no memory reading was taken before boot");
    }

    /**
     * Reads system memory and this JVM's resident set now. Call it immediately before starting the
     * engine; unreadable readings (not Linux) stay empty.
     */
    public static BootMemory takeBeforeBoot(Settings settings, Optional<MemoryBudget> budget, String budgetNote) {
        Optional<MemInfo> mem;
        try {
            mem = Optional.of(MemInfo.read(MemorySettings.meminfo(settings)));
        } catch (RuntimeException e) {
            mem = Optional.empty();
        }
        return new BootMemory(mem, ProcStatus.selfVmRssKiB(), budget, budgetNote);
    }
}
