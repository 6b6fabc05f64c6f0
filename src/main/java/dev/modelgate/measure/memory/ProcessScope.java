package dev.modelgate.measure.memory;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The processes whose memory counts as the model's: a server's process tree (vLLM's engine core
 * and tensor-parallel workers are children of the API server), or the processes of a container.
 */
final class ProcessScope {

    private final String description;
    private final ProcessHandle root;
    private final Set<Long> pids;

    private ProcessScope(String description, ProcessHandle root, Set<Long> pids) {
        this.description = description;
        this.root = root;
        this.pids = pids;
    }

    /** {@code root} and every descendant alive when {@link #pids()} is asked. */
    public static ProcessScope tree(ProcessHandle root) {
        return new ProcessScope("the process tree of pid " + root.pid(), root, Set.of());
    }

    /** A fixed set of processes, e.g. a container's as the host sees them. */
    public static ProcessScope of(String description, Set<Long> pids) {
        return new ProcessScope(description, null, Set.copyOf(pids));
    }

    public Set<Long> pids() {
        if (root == null) {
            return pids;
        }
        Set<Long> all = new LinkedHashSet<>();
        all.add(root.pid());
        root.descendants().forEach(p -> all.add(p.pid()));
        return all;
    }

    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description + " (pids " + pids().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ")";
    }
}
