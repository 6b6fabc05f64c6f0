package dev.modelgate.qualification;

import dev.modelgate.Boot;
import dev.modelgate.Evidence;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.measure.memory.LongContextPrompt;
import dev.modelgate.measure.memory.VramCheck;
import java.util.List;
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
    default void vram(Boot boot, Requirements requirements, Settings settings, Evidence evidence) {
        boot.failure().ifPresent(failure -> VramCheck.bootFailed(failure, boot.memory(), evidence));
        ChatClient client = boot.client();
        ChatRequest longest = longestContextRequest(client, evidence.candidate(), maxTokens(requirements));
        VramCheck.run(boot.model(), client, longest, settings, boot.memory(), evidence);
    }

    /**
     * A request whose prompt fills about three quarters of the context the server is configured
     * with (its {@code /v1/models} {@code max_model_len}, else the candidate's {@code --max-model-len},
     * engine context length or declared context length), leaving room for the answer. Until the
     * performance suite's prompts exist, this is the longest-context request.
     *
     * @throws IllegalStateException when no context length is known
     */
    static ChatRequest longestContextRequest(ChatClient client, Candidate candidate, int maxTokens) {
        int context = configuredContext(client, candidate).orElseThrow(() -> new IllegalStateException(
                "cannot size the longest-context request for " + candidate.id() + ": the server lists no"
                        + " max_model_len and the candidate declares no context length (--max-model-len,"
                        + " engine.contextLength or facts.contextLength)"));
        return LongContextPrompt.request(context, maxTokens);
    }

    /** The context the server is configured with, or what the candidate declares. */
    static OptionalInt configuredContext(ChatClient client, Candidate candidate) {
        try {
            OptionalInt served = client.servedContextLength();
            if (served.isPresent()) {
                return served;
            }
        } catch (RuntimeException e) {
            // the server does not list it: fall back to the candidate's configuration
        }
        List<String> args = candidate.engine().args();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--max-model-len") || args.get(i).equals("--max_model_len")) {
                return OptionalInt.of(Integer.parseInt(args.get(i + 1)));
            }
        }
        if (candidate.engine().contextLength() != null) {
            return OptionalInt.of(candidate.engine().contextLength());
        }
        return candidate.facts().contextLength() == null ? OptionalInt.empty()
                : OptionalInt.of(candidate.facts().contextLength());
    }

    private static int maxTokens(Requirements requirements) {
        Sampling s = requirements.sampling() == null ? Sampling.DEFAULTS : requirements.sampling();
        return s.maxTokens();
    }

}
