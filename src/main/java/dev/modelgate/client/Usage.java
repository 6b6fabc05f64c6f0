package dev.modelgate.client;

import java.util.OptionalInt;

/**
 * Token counts from the server's usage chunk.
 *
 * @param reasoningTokens {@code completion_tokens_details.reasoning_tokens} when the server reports
 *                        it, else {@link StreamEvent#UNKNOWN}
 */
public record Usage(int promptTokens, int completionTokens, int reasoningTokens) {

    public Usage(int promptTokens, int completionTokens) {
        this(promptTokens, completionTokens, StreamEvent.UNKNOWN);
    }

    public OptionalInt reportedReasoningTokens() {
        return reasoningTokens == StreamEvent.UNKNOWN ? OptionalInt.empty() : OptionalInt.of(reasoningTokens);
    }
}
