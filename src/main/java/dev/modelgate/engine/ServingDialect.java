package dev.modelgate.engine;

import dev.modelgate.client.ChatRequest;
import java.util.Set;

/**
 * How a server's OpenAI-compatible endpoint differs from vLLM's (SPEC §6), so that whoever builds
 * requests and judges answers knows what the server honours. Ollama, for one, accepts
 * {@code tool_choice} and vLLM's {@code ignore_eos} but silently ignores them: a test that forces a
 * tool call or an output length must not believe it did.
 *
 * @param name                 {@code vllm}, {@code ollama}, …
 * @param ignoredFields        request fields the server accepts and ignores
 * @param wholeToolCalls       each tool call arrives whole in one chunk (no argument fragments)
 * @param finishReasonAlone    {@code finish_reason} arrives in a chunk of its own, with an empty delta
 */
public record ServingDialect(String name, Set<String> ignoredFields, boolean wholeToolCalls,
                             boolean finishReasonAlone) {

    public static final ServingDialect VLLM = new ServingDialect("vllm", Set.of(), false, false);

    /** Ollama's {@code /v1} endpoint (its documentation lists these fields as not supported). */
    public static final ServingDialect OLLAMA = new ServingDialect("ollama",
            Set.of("tool_choice", "logit_bias", "user", "n", "ignore_eos", "min_tokens"), true, true);

    public ServingDialect {
        ignoredFields = Set.copyOf(ignoredFields);
    }

    /** Whether the server acts on {@code field} when a request sets it. */
    public boolean honours(String field) {
        return !ignoredFields.contains(field);
    }

    /** A copy of {@code request} without the fields this server would ignore: what it will actually do. */
    public ChatRequest adapt(ChatRequest request) {
        ChatRequest out = request.copy();
        ignoredFields.forEach(out::without);
        return out;
    }
}
