package dev.modelgate.measure.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Memory of an engine without a GPU probe: the resident set ({@code VmRSS}) of its processes. For
 * a child-process engine the sum over its tree (all of it was allocated since boot); for an engine
 * inside this JVM the growth of the JVM's own resident set since the reading taken before boot.
 */
final class ProcessRssProbe {

    private ProcessRssProbe() {
    }

    static MemoryReading tree(ProcessScope scope) {
        long total = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        for (long pid : scope.pids()) {
            OptionalLong rss = ProcStatus.vmRssKiB(pid);
            if (rss.isPresent()) {
                total += rss.getAsLong();
                rows.add(Map.of("pid", pid, "vmRssKiB", rss.getAsLong()));
                raw.append(pid).append(" VmRSS ").append(rss.getAsLong()).append(" kB\n");
            }
        }
        if (rows.isEmpty()) {
            throw new CannotMeasure("no process of " + scope + " has a readable /proc/<pid>/status VmRSS (not Linux,"
                    + " or the processes exited)");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processes", rows);
        details.put("scope", scope.describe());
        double gib = Gib.ofKiB(total);
        return new MemoryReading(gib, MemoryReading.PROCESS_RSS, details, List.of("VmRSS summed over " + rows.size()
                + " process(es) of " + scope.describe() + ": " + Gib.format(gib) + " (all allocated since boot)"),
                Map.of("/proc/<pid>/status VmRSS", raw.toString()));
    }

    static MemoryReading inProcess(OptionalLong rssBeforeBootKiB) {
        if (rssBeforeBootKiB.isEmpty()) {
            throw new CannotMeasure("the engine runs inside this JVM and no VmRSS reading was taken before boot"
                    + " (BootMemory.jvmRssBeforeBootKiB is empty: not Linux, or BootMemory.takeBeforeBoot was not"
                    + " called)");
        }
        OptionalLong now = ProcStatus.selfVmRssKiB();
        if (now.isEmpty()) {
            throw new CannotMeasure("cannot read this JVM's /proc/self/status VmRSS");
        }
        long before = rssBeforeBootKiB.getAsLong();
        long growth = now.getAsLong() - before;
        String raw = "VmRSS before boot " + before + " kB, when ready " + now.getAsLong() + " kB\n";
        if (growth <= 0) {
            throw new CannotMeasure("this JVM's resident set did not grow between before boot (" + before
                    + " kB) and ready (" + now.getAsLong() + " kB): the garbage collector released more than the"
                    + " engine took", Map.of("VmRSS", raw));
        }
        double gib = Gib.ofKiB(growth);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("vmRssBeforeBootKiB", before);
        details.put("vmRssReadyKiB", now.getAsLong());
        return new MemoryReading(gib, MemoryReading.PROCESS_RSS, details, List.of("the engine runs inside this JVM:"
                + " its resident set grew by " + Gib.format(gib) + " between before boot and ready (the Java heap's"
                + " own growth is included)"), Map.of("VmRSS", raw));
    }
}
