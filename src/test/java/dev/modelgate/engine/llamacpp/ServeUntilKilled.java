package dev.modelgate.engine.llamacpp;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.EngineSpec;
import dev.modelgate.engine.RunningModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run that is interrupted: boots the default model in this JVM, prints
 * {@code READY <server pid>} and waits to be killed. Started by {@link ShutdownTest}.
 */
public final class ServeUntilKilled {

    private ServeUntilKilled() {
    }

    public static void main(String[] args) throws InterruptedException {
        long start = System.nanoTime();
        // Built here rather than read from the catalogue: this JVM only has to boot, quickly.
        EngineSpec spec = new EngineSpec("llamacpp", null, null, null, null, null,
                Path.of("src/main/resources/dev/modelgate/builtin/gguf/stories260K.gguf").toAbsolutePath().toString(), null, 1, 2048, null,
                "stories-260k");
        Candidate candidate = new Candidate("stories-260k", "stories-260k", false, List.of(), null, spec, 60, null,
                null, null, Optional.empty());
        RunningModel model = new LlamaCppEngine().start(candidate,
                TinyModel.context(Path.of(args[0]), Map.of(), Optional.empty()).engine());
        System.out.println("booted in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        System.out.println("READY " + model.process().orElseThrow().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
