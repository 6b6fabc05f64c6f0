package dev.modelgate.measure.memory;

import dev.modelgate.client.ChatRequest;
import java.util.List;

/**
 * A prompt that fills most of a context window: common English words (about one token each, with
 * their leading space, in the BPE vocabularies of current models) in a fixed pseudo-random order,
 * so that no tokenizer merges them and every run sends the same text.
 */
public final class LongContextPrompt {

    /** The share of the context (after the answer's tokens) the prompt aims at, leaving room for templates. */
    public static final double FILL = 0.75;

    static final List<String> WORDS = List.of("the", "of", "and", "to", "in", "is", "it", "that", "was", "for", "on",
            "are", "with", "as", "at", "be", "this", "have", "from", "or", "one", "had", "by", "but", "not", "what",
            "all", "were", "we", "when", "your", "can", "said", "there", "use", "an", "each", "which", "she", "do",
            "how", "their", "if", "will", "up", "other", "about", "out", "many", "then", "them", "these", "so",
            "some", "her", "would", "make", "like", "him", "into", "time", "has", "look", "two", "more", "write",
            "go", "see", "number", "no", "way", "could", "people", "my", "than", "first", "water", "been", "call",
            "who", "its", "now", "find", "long", "down", "day", "did", "get", "come", "made", "may", "part", "over",
            "new", "sound", "take", "only", "little", "work", "know", "place", "year", "live", "me", "back", "give",
            "most", "very");

    private LongContextPrompt() {
    }

    /** How many words the prompt holds for a context of {@code contextTokens} and an answer of {@code maxTokens}. */
    public static int words(int contextTokens, int maxTokens) {
        return Math.max(16, (int) (FILL * (contextTokens - maxTokens)) - 64);
    }

    public static ChatRequest request(int contextTokens, int maxTokens) {
        int words = words(contextTokens, maxTokens);
        StringBuilder prompt = new StringBuilder(words * 6 + 200)
                .append("Below is a long list of words. Do not repeat it. Reply with the single word: done.\n\n");
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < words; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            prompt.append(WORDS.get((int) ((state >>> 33) % WORDS.size()))).append(' ');
        }
        prompt.append("\n\nReply with the single word: done.");
        return ChatRequest.user(prompt.toString()).maxTokens(maxTokens).temperature(0);
    }
}
