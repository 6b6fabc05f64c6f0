package dev.modelgate.qualification;

import dev.modelgate.Evidence;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The quality requirements: tool calling, entity extraction, Kannada entities and
 * native response, image input. Cases come from {@code cases/<suite>/} on the class path and from
 * {@code modelgate.cases}; they run {@code modelgate.caseConcurrency} at a time (default 4), each
 * {@code modelgate.repeats} times (default 1), and each run is a report step with its request, the
 * model's answer and the verdict. Each figure comes with its 95 % interval, whether each threshold is
 * decided, and the per-case outcomes that let two result files be compared case by case.
 */
public interface QualityRequirementTests {

    @Test
    @Requirement("tool-calling")
    @Order(510)
    default void toolCallingAccuracy(ChatClient client, Candidate candidate, Settings settings, Evidence evidence) {
        QualityChecks.toolCalling(client, settings, evidence);
    }

    @Test
    @Requirement("entities")
    @Order(520)
    default void entityExtraction(ChatClient client, Candidate candidate, Settings settings, Evidence evidence) {
        QualityChecks.entities(client, settings, evidence);
    }

    @Test
    @Requirement("kannada-entities")
    @Order(530)
    default void kannadaEntities(ChatClient client, Candidate candidate, Settings settings, Evidence evidence) {
        QualityChecks.kannadaEntities(client, settings, evidence);
    }

    @Test
    @Requirement("kannada-native")
    @Order(540)
    default void kannadaNativeResponse(ChatClient client, Candidate candidate, Settings settings, Evidence evidence) {
        QualityChecks.kannadaNative(client, settings, evidence);
    }

    @Test
    @Requirement("vision")
    @Order(550)
    default void imageInput(ChatClient client, Candidate candidate, Settings settings, Evidence evidence) {
        QualityChecks.vision(client, candidate, settings, evidence);
    }
}
