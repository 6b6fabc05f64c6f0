package dev.modelgate.cases;

import java.nio.file.Path;
import java.util.List;

/**
 * A question about an image beside the case file.
 *
 * @param image     the image file (inside the cases directory)
 * @param mediaType {@code image/png} or {@code image/jpeg}, from the file's first bytes
 * @param keywords  each entry must appear in the answer; an entry is met by any of its alternatives
 * @param oneOf     when not empty, at least one of these must appear
 * @param forbidden none of these may appear
 */
public record VisionCase(CaseFile source, String description, Path image, String mediaType, String question,
                         List<List<String>> keywords, List<String> oneOf, List<String> forbidden, int maxTokens,
                         double temperature, List<String> tags) {

    public VisionCase {
        tags = List.copyOf(tags);
        keywords = keywords.stream().map(List::copyOf).toList();
        oneOf = List.copyOf(oneOf);
        forbidden = List.copyOf(forbidden);
    }

    public String id() {
        return source.id();
    }
}
