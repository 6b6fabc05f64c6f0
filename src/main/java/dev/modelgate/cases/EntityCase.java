package dev.modelgate.cases;

import java.util.List;

/**
 * An entity-extraction case (suite {@code entities}, or {@code kannada} with {@code kind: entities}).
 *
 * @param instruction what the model is asked to do; the harness adds the answer format
 */
public record EntityCase(CaseFile source, String description, String instruction, String text,
                         List<ExpectedEntity> persons, List<ExpectedEntity> places, int maxTokens, double temperature,
                         List<String> tags) {

    public EntityCase {
        tags = List.copyOf(tags);
        persons = List.copyOf(persons);
        places = List.copyOf(places);
    }

    public String id() {
        return source.id();
    }
}
