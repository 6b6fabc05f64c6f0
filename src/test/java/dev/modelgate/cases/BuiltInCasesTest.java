package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cases shipped with modelgate load without a problem and cover what the suites promise. */
class BuiltInCasesTest {

    static QualityCases cases;

    @BeforeAll
    static void load() {
        Problems problems = new Problems();
        cases = QualityCases.load(Settings.ofMap(Map.of()), problems);
        assertThat(problems.list()).as("problems in the built-in cases").isEmpty();
    }

    @Test
    void toolCallingCoversSingleParallelAndNoCallCases() {
        List<ToolCallingCase> tools = cases.toolCalling();
        assertThat(tools).hasSizeGreaterThanOrEqualTo(8);
        assertThat(tools.stream().filter(ToolCallingCase::expectsNoCall)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(tools.stream().filter(c -> c.expectedCalls().size() == 2)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(tools.stream().filter(c -> c.expectedCalls().size() == 1)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(tools.stream().filter(c -> c.request().get("messages").size() > 2))
                .as("cases that need a value from earlier in the conversation").hasSizeGreaterThanOrEqualTo(2);
        assertThat(tools.stream().flatMap(c -> c.expectedCalls().stream())
                .flatMap(call -> call.arguments().fields().values().stream())
                .map(r -> r.matcher().getClass().getSimpleName()).distinct())
                .contains("Exact", "Regex", "Numeric", "Fields", "OneOf", "AnyValue");
    }

    @Test
    void theBuiltInTemplatesGiveEightToFifteenCasesEachWithACategoryAndTags() {
        for (String template : List.of("timer-units", "ac-temperature")) {
            List<ToolCallingCase> rows = cases.toolCalling().stream()
                    .filter(c -> c.source().file().getFileName().toString().equals(template + ".template.yaml")).toList();
            assertThat(rows).as(template).hasSizeBetween(8, 15).allSatisfy(c -> {
                assertThat(c.id()).startsWith(template + "-");
                assertThat(c.category()).isIn("simple", "multiple");
                assertThat(c.tags()).isNotEmpty();
            });
        }
    }

    @Test
    void oneEntityCaseNamesExactlySevenPersonsAndThreePlaces() {
        assertThat(cases.entities()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(cases.entities()).anySatisfy(c -> {
            assertThat(c.persons()).hasSize(7);
            assertThat(c.places()).hasSize(3);
        });
    }

    @Test
    void kannadaHasThreeEntityAndThreeNativeCasesInKannadaScript() {
        assertThat(cases.kannadaEntities()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(cases.kannadaNative()).hasSizeGreaterThanOrEqualTo(3);
        for (EntityCase c : cases.kannadaEntities()) {
            assertThat(KannadaScript.share(c.text())).as(c.id() + " text").isGreaterThan(0.95);
        }
        for (NativeResponseCase c : cases.kannadaNative()) {
            assertThat(KannadaScript.share(c.question())).as(c.id() + " question").isGreaterThan(0.95);
            assertThat(c.keyFacts()).allSatisfy(alternatives -> assertThat(alternatives).anySatisfy(
                    a -> assertThat(KannadaScript.share(a) > 0.95 || a.chars().allMatch(Character::isDigit)).isTrue()));
        }
    }

    @Test
    void visionHasFiveCasesWithGeneratedPngImages() {
        assertThat(cases.vision()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(cases.vision()).allSatisfy(c -> assertThat(c.mediaType()).isEqualTo("image/png"));
        assertThat(cases.vision().stream().map(c -> c.image().getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(VisionImages.renderAll().keySet());
    }

    @Test
    void requestsCarryTheCaseAsWrittenWithDefaults() {
        ToolCallingCase timer = cases.toolCalling().stream().filter(c -> c.id().equals("set-timer-minutes"))
                .findFirst().orElseThrow();
        assertThat(timer.request().get("tool_choice").asText()).isEqualTo("auto");
        assertThat(timer.request().get("temperature").asDouble()).isZero();
        assertThat(timer.request().get("max_tokens").asInt()).isEqualTo(CaseFields.DEFAULT_MAX_TOKENS);
        assertThat(timer.request().get("tools")).hasSize(3);
        assertThat(timer.normalization().ignoreCase()).isTrue();
    }
}
