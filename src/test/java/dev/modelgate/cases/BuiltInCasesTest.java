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
    void toolCallingHasTwoHundredCasesInEveryCategoryAndTheHardPartsOfVoiceTraffic() {
        List<ToolCallingCase> tools = cases.toolCalling();
        assertThat(tools).hasSizeGreaterThanOrEqualTo(200);
        Map<String, Long> byCategory = tools.stream().collect(java.util.stream.Collectors.groupingBy(
                ToolCallingCase::category, java.util.stream.Collectors.counting()));
        for (String category : List.of("simple", "multiple", "parallel", "parallel-multiple", "irrelevance",
                "multi-turn", "missing-argument")) {
            assertThat(byCategory.getOrDefault(category, 0L)).as(category + " cases").isGreaterThanOrEqualTo(20);
        }
        Map<String, Long> byTag = tools.stream().flatMap(c -> c.tags().stream()).collect(
                java.util.stream.Collectors.groupingBy(t -> t, java.util.stream.Collectors.counting()));
        for (String tag : List.of("asr", "self-correction", "code-mixed-kn", "code-mixed-hi", "units", "relative-time",
                "enum", "nested", "array", "optional")) {
            assertThat(byTag.getOrDefault(tag, 0L)).as("cases tagged " + tag).isGreaterThanOrEqualTo(10);
        }
        assertThat(tools.stream().filter(c -> c.category().equals("missing-argument")))
                .allSatisfy(c -> assertThat(c.expectsNoCall()).as(c.id() + ": the right answer is to ask").isTrue());
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
        long distinct = cases.toolCalling().stream()
                .filter(c -> !c.source().file().getFileName().toString().endsWith(".template.yaml")).count();
        assertThat(distinct).as("distinct requests, not rows of a template").isGreaterThanOrEqualTo(
                cases.toolCalling().size() / 2);
    }

    @Test
    void fortyEntityTextsWithTwoHundredFiftyEntitiesAndOneWithExactlySevenPersonsAndThreePlaces() {
        assertThat(cases.entities()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases.entities().stream().mapToInt(c -> c.persons().size() + c.places().size()).sum())
                .isGreaterThanOrEqualTo(250);
        assertThat(cases.entities()).anySatisfy(c -> assertThat(c.persons().size() + c.places().size()).isZero());
        assertThat(cases.entities()).anySatisfy(c -> {
            assertThat(c.persons()).hasSize(7);
            assertThat(c.places()).hasSize(3);
        });
    }

    @Test
    void kannadaHasTwentyEntityTextsAndTenNativeQuestionsInKannadaScript() {
        assertThat(cases.kannadaEntities()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(cases.kannadaNative()).hasSizeGreaterThanOrEqualTo(10);
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
    void visionHasThirtyCasesOfEveryKindWithGeneratedPngImages() {
        assertThat(cases.vision()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(cases.vision()).allSatisfy(c -> assertThat(c.mediaType()).isEqualTo("image/png"));
        for (String tag : List.of("chart", "clock", "table", "sign", "kannada-script", "counting", "colour", "diagram",
                "gauge", "calendar", "receipt")) {
            assertThat(cases.vision().stream().filter(c -> c.tags().contains(tag))).as("vision cases tagged " + tag)
                    .isNotEmpty();
        }
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
