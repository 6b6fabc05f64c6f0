package dev.modelgate.build;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check after the consumer example's build refuses results that are not what the example promises. */
class ConsumerExampleBuildTest {

    @TempDir
    Path results;

    @Test
    void aQualifiedCandidateWhoseOwnRequirementPassedIsAccepted() throws IOException {
        write("passed", "swap");

        assertThatCode(() -> ConsumerExampleBuild.check(results)).doesNotThrowAnyException();
    }

    @Test
    void aFailedOwnRequirementOrADisqualifiedCandidateIsRefused() throws IOException {
        write("failed", "disqualified");

        assertThatThrownBy(() -> ConsumerExampleBuild.check(results))
                .hasMessageContaining("voice-candidate greeting is 'failed', expected 'passed'")
                .hasMessageContaining("voice-candidate was not qualified (outcome 'disqualified')");
    }

    @Test
    void aVerdictWithoutTheCandidateIsRefused() throws IOException {
        write("passed", "swap");
        Files.writeString(results.resolve("verdict.json"), "{\"baseline\": {\"id\": \"voice-incumbent\"}, \"candidates\": []}");

        assertThatThrownBy(() -> ConsumerExampleBuild.check(results)).hasMessageContaining("judges no voice-candidate");
    }

    private void write(String status, String outcome) throws IOException {
        Files.writeString(results.resolve("voice-candidate.json"), "{\"complete\": true, \"requirements\": {\"greeting\":"
                + " {\"status\": \"" + status + "\", \"level\": \"must\"}}}");
        Files.writeString(results.resolve("verdict.json"), "{\"baseline\": {\"id\": \"voice-incumbent\"}, \"candidates\":"
                + " [{\"id\": \"voice-candidate\", \"outcome\": \"" + outcome + "\"}]}");
    }
}
