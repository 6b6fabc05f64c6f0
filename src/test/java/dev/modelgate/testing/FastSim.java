package dev.modelgate.testing;

import dev.modelgate.sim.SimScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The simulator as suite runs use it when they time nothing: the first token after 1 ms, the rest
 * at once, a 131072-token context; and {@code sim-model}, the catalogue entry that serves it.
 */
public final class FastSim {

    private FastSim() {
    }

    public static SimScript.Builder builder(int outputTokens) {
        return SimScript.builder().ttftMs(1).interTokenMs(0).outputTokens(outputTokens).maxModelLen(131072);
    }

    public static SimScript script(int outputTokens) {
        return builder(outputTokens).build();
    }

    /** The same, answering every built-in quality case right. */
    public static SimScript answeringRight(int outputTokens) {
        return script(outputTokens).withAnswers(SimAnswers.builtIn(Map.of()));
    }

    /** Writes {@code sim-model.yaml} (vLLM, text and image, 131072 tokens) into {@code dir}; returns {@code dir}. */
    public static Path catalogue(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("sim-model.yaml"), """
                name: Simulated model
                engine: {type: vllm, args: [--max-model-len, "131072"]}
                facts: {architecture: Qwen3MoeForCausalLM, quantization: FP8, license: Apache-2.0,
                        contextLength: 131072, modalities: [text, image]}
                """);
        return dir;
    }
}
