package dev.modelgate.measure.memory;

import dev.modelgate.catalog.Settings;
import dev.modelgate.engine.RunningModel;

/**
 * Measures the memory a ready, warmed-up model holds, with the method that fits its engine:
 * <ul>
 *   <li>{@code vllm}: nvidia-smi over the server's process tree; unified memory: MemAvailable drop</li>
 *   <li>{@code vllm-docker}: the same over the container's processes ({@code details.container})</li>
 *   <li>{@code ollama}: {@code size_vram} from {@code /api/ps}</li>
 *   <li>{@code llamacpp}: resident-set growth (in this JVM) or the child tree's resident set</li>
 * </ul>
 * Throws {@link CannotMeasure} with the reason when nothing can measure; never returns 0.
 */
public final class MemoryProbes {

    /** {@link RunningModel#details()} key naming the container of a {@code vllm-docker} server. */
    public static final String CONTAINER = "container";

    private final Settings settings;

    public MemoryProbes(Settings settings) {
        this.settings = settings;
    }

    public MemoryReading measure(RunningModel model, BootMemory boot, VllmMemoryFigures log) {
        return switch (model.engine()) {
            case "vllm" -> new GpuProcessProbe(settings).measure(tree(model), boot, log);
            case "vllm-docker" -> new GpuProcessProbe(settings).measure(container(model), boot, log);
            case "ollama" -> OllamaProbe.measure(model.baseUrl(), model.servedName());
            case "llamacpp" -> model.process().map(p -> ProcessRssProbe.tree(ProcessScope.tree(p)))
                    .orElseGet(() -> ProcessRssProbe.inProcess(boot.jvmRssBeforeBootKiB()));
            case "external" -> throw new CannotMeasure("the server at " + model.baseUrl() + " runs elsewhere"
                    + " (engine external): modelgate has no process of it to measure; the verdict uses the"
                    + " candidate's declared vramGiB where there is one");
            default -> new GpuProcessProbe(settings).measure(tree(model), boot, log);
        };
    }

    private static ProcessScope tree(RunningModel model) {
        return ProcessScope.tree(model.process().orElseThrow(() -> new CannotMeasure("engine '" + model.engine()
                + "' reports no server process to measure")));
    }

    private ProcessScope container(RunningModel model) {
        String container = model.details().get(CONTAINER);
        if (container == null || container.isBlank()) {
            throw new CannotMeasure("the vllm-docker server names no container (RunningModel.details()."
                    + CONTAINER + "), so its processes cannot be found for nvidia-smi");
        }
        return DockerTop.scope(container, settings);
    }
}
