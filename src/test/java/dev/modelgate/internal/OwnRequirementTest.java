package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.Evidence;
import dev.modelgate.Qualification;
import dev.modelgate.Requirement;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.Completion;
import dev.modelgate.docs.DocPages;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import dev.modelgate.testing.QualificationRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The example of a team's own requirement on the own-suite page ({@code docs/own-suite.md}), as written there: a row in the requirement
 * table, a default test method in an interface, a suite that implements it; run against a server.
 */
class OwnRequirementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The page's snippet, word for word (checked below). */
    interface JsonModeTests {
        @Test
        @Order(600)
        @Requirement("json-mode")
        default void jsonMode(ChatClient client, Evidence evidence) {
            Completion c = client.stream(ChatRequest.user("Reply with {\"ok\": true}").maxTokens(16));
            evidence.metric("jsonMode", Map.of("answer", c.content()));
            evidence.judge("JSON answers", c.content().strip().startsWith("{") ? 1.0 : 0.0);
        }
    }

    @Qualification
    static class TeamSuite implements JsonModeTests {
    }

    @TempDir
    Path tmp;

    @Test
    void aTeamsOwnRequirementIsJudgedAndRecorded() throws IOException {
        Path requirements = tmp.resolve("requirements.yaml");
        Files.writeString(requirements, Files.readString(Path.of("src/main/resources/dev/modelgate/builtin/requirements.yaml"))
                + "  json-mode: {unit: ratio, must: \">= 1\"}\n");
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("team-model.yaml"),
                "name: Team model\nengine: {type: external, servedName: sim-model}\n");
        SimScript script = SimScript.defaults().withAnswers(SimScript.Answer.content("Reply with", "{\"ok\": true}"));
        try (VllmSimulator sim = VllmSimulator.start(script)) {
            EngineExecutionResults results = QualificationRun.of(TeamSuite.class).model("team-model")
                    .results(tmp.resolve("results")).set("modelgate.models", models.toString())
                    .set("modelgate.requirements", requirements.toString())
                    .set("modelgate.url", sim.baseUrl().toString())
                    .execute();

            results.testEvents().assertThatEvents().haveExactly(1, event(test("jsonMode"), finishedSuccessfully()));
        }
        JsonNode result = JSON.readTree(tmp.resolve("results/team-model.json").toFile());
        assertThat(result.at("/metrics/jsonMode/answer").asText()).isEqualTo("{\"ok\": true}");
        assertThat(result.at("/requirements/json-mode/status").asText()).isEqualTo("passed");
        assertThat(result.at("/requirements/json-mode/level").asText()).isEqualTo("must");
    }

    @Test
    void theOwnSuitePageShowsThisExampleAsItIsHere() throws IOException {
        String page = DocPages.read("own-suite.md");
        String source = Files.readString(Path.of("src/test/java/dev/modelgate/internal/OwnRequirementTest.java"));
        String method = source.substring(source.indexOf("        @Test\n        @Order(600)"),
                source.indexOf("    }\n\n    @Qualification"));
        String unindented = method.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(page).contains("```java\n" + unindented + "\n```");
        assertThat(page).contains("`json-mode: {unit: ratio, must: \">= 1\"}`");
    }
}
