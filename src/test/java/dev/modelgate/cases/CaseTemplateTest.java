package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.modelgate.catalog.Problem;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code <name>.template.yaml} file: one case written once, a table of rows, one case per row. */
class CaseTemplateTest {

    private static final String TIMER_TOOL = """
                  tools:
                    - type: function
                      function:
                        name: set_timer
                        parameters:
                          type: object
                          properties: {duration_seconds: {type: integer}, label: {type: string}}
                          required: [duration_seconds]
                """;

    @TempDir
    Path extra;

    @Test
    void eachRowIsACaseWithItsOwnIdAndAWholePlaceholderKeepsTheValuesType() throws IOException {
        write("tool-calling/kitchen-timer.template.yaml", """
                template:
                  description: "said as {{said}}"
                  tags: "{{tags}}"
                  messages: [{role: user, content: "Timer for {{said}} ({{seconds}} s), label it {{label}}."}]
                """ + TIMER_TOOL + """
                  expect:
                    calls: [{name: set_timer, arguments: {duration_seconds: "{{seconds}}", label: "{{label}}"}}]
                rows:
                  - {id: two-minutes, said: two minutes, seconds: 120, label: tea, tags: [asr]}
                  - {id: one-hour, said: an hour, seconds: 3600, label: "42", tags: [units, long]}
                """);

        List<ToolCallingCase> cases = load(new Problems()).toolCalling().stream()
                .filter(c -> c.id().startsWith("kitchen-timer-")).toList();

        assertThat(cases).extracting(ToolCallingCase::id, ToolCallingCase::description, ToolCallingCase::tags)
                .containsExactly(tuple("kitchen-timer-one-hour", "said as an hour", List.of("units", "long")),
                        tuple("kitchen-timer-two-minutes", "said as two minutes", List.of("asr")));
        ToolCallingCase hour = cases.get(0);
        assertThat(ScriptedChatServer.lastUserText(hour.request())).isEqualTo("Timer for an hour (3600 s), label it 42.");
        assertThat(hour.source().displayName()).isEqualTo(extra + "/tool-calling/kitchen-timer.template.yaml row 'one-hour'"
                + " ($.rows[1])");
        assertThat(grade(hour, "{\"duration_seconds\": 3600, \"label\": \"42\"}").passed()).isTrue();
        assertThat(grade(hour, "{\"duration_seconds\": \"3600\", \"label\": \"42\"}").reasons())
                .containsExactly("set_timer: duration_seconds: the tool declares type integer, got \"3600\" (string)");
        assertThat(hour.category()).isEqualTo("simple");
    }

    @Test
    void problemsNameTheFileTheRowAndTheFieldOfTheTemplate() throws IOException {
        write("tool-calling/broken.template.yaml", """
                template:
                  messages: [{role: user, content: "Timer for {{said}}."}]
                """ + TIMER_TOOL + """
                  expect:
                    calls: [{name: set_timer, arguments: {duration_seconds: "{{seconds}}"}}]
                  maxTokens: "{{budget}}"
                rows:
                  - {id: fine, said: a minute, seconds: 60, budget: 100}
                  - {id: words, said: a minute, seconds: sixty, budget: 100}
                  - {id: no-budget, said: a minute, seconds: 60}
                  - {id: typo, said: a minute, seconds: 60, budget: 100, secnds: 60}
                  - {id: list-in-text, said: [a, minute], seconds: 60, budget: 100}
                  - {id: fine, said: twice, seconds: 60, budget: 100}
                  - {id: bad-budget, said: a minute, seconds: 60, budget: 0}
                """);
        Problems problems = new Problems();

        QualityCases cases = load(problems);

        String file = extra + "/tool-calling/broken.template.yaml";
        assertThat(problems.list()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
        assertThat(problems.list()).extracting(Problem::path, Problem::message).containsExactlyInAnyOrder(
                tuple("row 'words' ($.rows[1]) $.template.expect.calls[0].arguments.duration_seconds",
                        "the expected value: the tool declares type integer, got \"sixty\" (string); no valid call can"
                                + " match it"),
                tuple("row 'no-budget' ($.rows[2]) $.template.maxTokens",
                        "{{budget}} has no value in this row; add the column 'budget' (the row has: id, said, seconds)"),
                tuple("row 'typo' ($.rows[3]) $.secnds",
                        "the template has no {{secnds}}; remove the column or use it in the template (placeholders:"
                                + " budget, said, seconds)"),
                tuple("row 'list-in-text' ($.rows[4]) $.template.messages[0].content",
                        "{{said}} is part of a longer string, but the row's value is a list; a list or mapping can only"
                                + " fill a string that is the placeholder alone"),
                tuple("row 'fine' ($.rows[5]) $.id",
                        "the row id 'fine' is used by an earlier row; row ids must be unique in a template"),
                tuple("row 'bad-budget' ($.rows[6]) $.template.maxTokens", "must have a minimum value of 1"));
        assertThat(cases.toolCalling()).extracting(ToolCallingCase::id).contains("broken-fine")
                .doesNotContain("broken-words", "broken-no-budget", "broken-typo");
    }

    @Test
    void aTemplateWorksForEverySuiteAndItsRowIdsMustNotClashWithCaseFiles() throws IOException {
        write("entities/visitors.template.yaml", """
                template:
                  instruction: List the persons and places.
                  text: "{{person}} flew in from {{place}} this morning."
                  expect: {persons: ["{{person}}"], places: ["{{place}}"]}
                rows:
                  - {id: ravi, person: Ravi Kumar, place: Mysuru}
                  - {id: anna, person: Anna Schmidt, place: Berlin}
                """);
        write("entities/visitors-ravi.yaml", """
                instruction: List the persons and places.
                text: Ravi flew in.
                expect: {persons: [Ravi], places: []}
                """);
        Problems problems = new Problems();

        QualityCases cases = load(problems);

        assertThat(cases.entities()).filteredOn(c -> c.id().equals("visitors-anna")).singleElement()
                .satisfies(c -> {
                    assertThat(c.text()).isEqualTo("Anna Schmidt flew in from Berlin this morning.");
                    assertThat(c.persons()).extracting(ExpectedEntity::name).containsExactly("Anna Schmidt");
                });
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(extra + "/entities/visitors.template.yaml");
            assertThat(p.message()).isEqualTo("duplicate case id 'visitors-ravi': also defined by " + extra
                    + "/entities/visitors-ravi.yaml");
        });
    }

    private QualityCases load(Problems problems) {
        return QualityCases.load(Settings.ofMap(Map.of(Settings.CASES, extra.toString())), problems);
    }

    private void write(String name, String text) throws IOException {
        Path file = extra.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static ToolCallVerdict grade(ToolCallingCase c, String arguments) {
        return ToolCallGrader.grade(c, "", List.of(new ToolCall(0, "call_0", "set_timer", arguments)));
    }
}
