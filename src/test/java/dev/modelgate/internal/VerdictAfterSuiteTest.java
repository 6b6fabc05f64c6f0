package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.Qualification;
import dev.modelgate.qualification.SwapVerdicts;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * A team's build has no junit-platform.properties and no Surefire include: the suite and the
 * verdict as nested classes of one class, ordered there with {@code @TestClassOrder}, give the
 * verdict after the candidates, whatever the build's default class order. The run below reads
 * no junit-platform.properties and sets the default order to class names, which alone would put
 * the verdict ({@code Judge}) before the suite ({@code Qualify}).
 */
class VerdictAfterSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestClassOrder(ClassOrderer.OrderAnnotation.class)
    static class TeamQualification {

        @Nested
        @Order(1)
        @Qualification
        class Qualify implements OwnRequirementTest.JsonModeTests {
        }

        @Nested
        @Order(2)
        class Judge implements SwapVerdicts {
        }
    }

    @TempDir
    Path tmp;

    @Test
    void theVerdictRunsAfterTheCandidatesWithoutAClassOrderConfigured() throws IOException {
        Path requirements = tmp.resolve("requirements.yaml");
        Files.writeString(requirements, Files.readString(
                Path.of("src/main/resources/dev/modelgate/builtin/requirements.yaml"))
                + "  json-mode: {unit: ratio, must: \">= 1\"}\n");
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("team-model.yaml"),
                "name: Team model\nengine: {type: external, servedName: sim-model}\n");
        SimScript script = SimScript.defaults().withAnswers(SimScript.Answer.content("Reply with", "{\"ok\": true}"));
        EngineExecutionResults run;
        try (VllmSimulator sim = VllmSimulator.start(script)) {
            run = EngineTestKit.engine("junit-jupiter")
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameters(Map.of(
                            "junit.jupiter.testclass.order.default", ClassOrderer.ClassName.class.getName(),
                            "model", "team-model",
                            "modelgate.results", tmp.resolve("results").toString(),
                            "modelgate.models", models.toString(),
                            "modelgate.requirements", requirements.toString(),
                            "modelgate.url", sim.baseUrl().toString(),
                            "modelgate.allureResults", tmp.resolve("allure").toString()))
                    .selectors(selectClass(TeamQualification.class))
                    .execute();
        }

        run.testEvents().assertThatEvents().haveExactly(1, event(test("jsonMode"), finishedSuccessfully()));
        List<String> containers = run.containerEvents().list().stream()
                .filter(e -> e.getType() == EventType.FINISHED)
                .map(Event::getTestDescriptor).map(d -> d.getDisplayName()).toList();
        assertThat(containers.indexOf("Judge")).isGreaterThan(containers.indexOf("Qualify"));
        run.containerEvents().assertThatEvents().haveExactly(1, event(container(displayName("Judge")),
                finishedSuccessfully()));
        JsonNode verdict = JSON.readTree(tmp.resolve("results/verdict.json").toFile());
        assertThat(verdict.at("/candidates/0/id").asText()).isEqualTo("team-model");
        JsonNode result = JSON.readTree(tmp.resolve("results/team-model.json").toFile());
        assertThat(result.at("/requirements/json-mode/status").asText()).isEqualTo("passed");
    }
}
