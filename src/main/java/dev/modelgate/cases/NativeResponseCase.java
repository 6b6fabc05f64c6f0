package dev.modelgate.cases;

import java.util.List;

/**
 * A question in Kannada ({@code kannada} suite, {@code kind: native}). The answer passes when at
 * least {@link KannadaScript#NATIVE_SHARE} of its letters are Kannada script and every key fact
 * appears in it.
 *
 * @param system   an optional system message
 * @param keyFacts each entry must appear; an entry is met by any of its alternatives
 */
public record NativeResponseCase(CaseFile source, String description, String system, String question,
                                 List<List<String>> keyFacts, int maxTokens, double temperature,
                                 List<String> tags) {

    public NativeResponseCase {
        tags = List.copyOf(tags);
        keyFacts = keyFacts.stream().map(List::copyOf).toList();
    }

    public String id() {
        return source.id();
    }
}
