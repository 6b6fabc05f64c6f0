package dev.modelgate.measure.memory;

import dev.modelgate.catalog.Settings;
import dev.modelgate.engine.VllmEngine;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host process ids of a container's processes, from {@code docker top <container> -eo pid}
 * (the ids nvidia-smi on the host reports).
 */
final class DockerTop {

    private DockerTop() {
    }

    public static ProcessScope scope(String container, Settings settings) {
        String docker = settings.get(MemorySettings.DOCKER).orElseGet(() -> VllmEngine.onPath("docker")
                .map(Object::toString).orElseThrow(() -> new CannotMeasure("docker is not on the PATH; cannot list"
                        + " the processes of container " + container + " (set -D" + MemorySettings.DOCKER + ")")));
        Tool.Output out = Tool.run(docker, List.of("top", container, "-eo", "pid"), "docker (-D" + MemorySettings.DOCKER
                + ")");
        return ProcessScope.of("the processes of container " + container, parsePids(out.stdout()));
    }

    /** The numbers of {@code docker top … -eo pid}, its {@code PID} header skipped. */
    static Set<Long> parsePids(String output) {
        Set<Long> pids = new LinkedHashSet<>();
        for (String line : output.split("\\R")) {
            String t = line.trim();
            if (t.matches("\\d+")) {
                pids.add(Long.parseLong(t));
            }
        }
        return pids;
    }
}
