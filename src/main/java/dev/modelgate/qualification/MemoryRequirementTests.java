package dev.modelgate.qualification;

import dev.modelgate.Boot;
import dev.modelgate.Evidence;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.measure.PerformancePrompts;
import java.util.OptionalInt;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;


/**
 * The memory requirement of a qualification suite (SPEC §4 VRAM): the candidate, booted with its
 * memory budget, reaches ready and serves the longest-context request within it. Beside the verdict
 * the result file gets {@code metrics.vramGiB}: the footprint when ready and warm with the method
 * that measured it, and the weights and KV cache from vLLM's log. An unmeasurable footprint makes
 * the test broken, never passed.
 */
public interface MemoryRequirementTests {

    @Test
    @Requirement("vram")
    @Order(400)
    default void vram(Boot boot, Settings settings, Evidence evidence) {
        boot.failure().ifPresent(failure -> VramCheck.bootFailed(failure, boot.memory(), evidence));
        ChatClient client = boot.client();
        PerformancePrompts prompts = PerformancePrompts.load(settings, new Problems());
        String prefix = "Request vram-" + evidence.candidate().id() + "-" + System.nanoTime() + ". ";
        VramCheck.run(boot.model(), client, context -> prompts.longestRequest(context, prefix),
                servedContext(client), settings, boot.memory(), evidence);
    }

    /** The context the server says it serves, if it says. */
    private static OptionalInt servedContext(ChatClient client) {
        try {
            return client.servedContextLength();
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
