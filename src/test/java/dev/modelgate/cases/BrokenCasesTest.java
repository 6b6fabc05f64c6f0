package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.modelgate.catalog.CatalogException;
import dev.modelgate.catalog.Problem;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.ResourceDirs;
import dev.modelgate.catalog.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every problem of every broken case file under {@code broken-cases/} is reported in one batch,
 * with its file and field path, while the built-in cases load cleanly beside them.
 */
class BrokenCasesTest {

    static Path root;
    static Settings settings;
    static List<Problem> problems;

    @BeforeAll
    static void load() {
        root = ResourceDirs.find("broken-cases").orElseThrow();
        settings = Settings.ofMap(Map.of(Settings.CASES, root.toString()));
        Problems collected = new Problems();
        QualityCases.load(settings, collected);
        problems = collected.list();
    }

    /** The file relative to the broken-cases directory, the path, and the message. */
    private static List<Problem> relative() {
        String prefix = root + "/";
        return problems.stream().map(p -> new Problem(p.file().startsWith(prefix) ? p.file().substring(prefix.length())
                : p.file(), p.path(), p.message())).toList();
    }

    @Test
    void schemaViolationsNameTheFieldPath() {
        assertThat(relative()).filteredOn(p -> p.file().equals("tool-calling/schema-errors.yaml"))
                .extracting(Problem::path, Problem::message)
                .containsExactlyInAnyOrder(
                        tuple("$.messages[0].role",
                                "does not have a value in the enumeration [\"system\", \"developer\", \"user\","
                                        + " \"assistant\", \"tool\"]"),
                        tuple("$.tools[0].function", "missing required field 'parameters'"),
                        tuple("$", "unknown field 'tool' (not in the schema; check its spelling)"),
                        tuple("$", "missing required field 'expect'"));
        assertThat(relative()).filteredOn(p -> p.file().equals("kannada/native-without-facts.yaml"))
                .extracting(Problem::path, Problem::message)
                .containsExactly(tuple("$", "missing required field 'keyFacts'"));
        assertThat(relative()).filteredOn(p -> p.file().equals("entities/not-yaml.yaml"))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("line 2, column 5");
                    assertThat(p.message()).startsWith("not valid YAML");
                });
    }

    @Test
    void toolCallingSemanticChecksPointAtTheMatcher() {
        assertThat(relative()).filteredOn(p -> p.file().startsWith("tool-calling/") && !p.file().contains("schema"))
                .extracting(Problem::file, Problem::path, Problem::message)
                .containsExactlyInAnyOrder(
                        tuple("tool-calling/unknown-tool.yaml", "$.expect.calls[0].name",
                                "unknown tool 'set_timr'; the case offers: set_timer"),
                        tuple("tool-calling/bad-regex.yaml", "$.expect.calls[0].arguments.text.regex",
                                "is not a valid regular expression: Unclosed group near index 9 of /.*(late.*/"),
                        tuple("tool-calling/bad-matchers.yaml", "$.expect.calls[0].arguments.room.exact",
                                "the expected value: \"garage\" is not one of the allowed values"
                                        + " [\"kitchen\",\"bedroom\"]; no valid call can match it"),
                        tuple("tool-calling/bad-matchers.yaml", "$.expect.calls[0].arguments.label",
                                "names more than one matcher (oneOf, regex); use one"),
                        tuple("tool-calling/bad-matchers.yaml", "$.expect.calls[0].arguments.colour",
                                "'colour' is not a parameter of set_lights; it declares: room, brightness, label"),
                        tuple("tool-calling/bad-matchers.yaml", "$.expect.calls[0].arguments.brightness",
                                "is optional here, but set_lights requires it; drop optional: true"),
                        tuple("tool-calling/no-expectation.yaml", "$.expect",
                                "says nothing: write noCall: true when no tool applies, or list the expected calls"));
    }

    @Test
    void entityAndKannadaSemanticChecks() {
        assertThat(relative()).filteredOn(p -> p.file().startsWith("entities/name-not-in-text")
                        || p.file().equals("kannada/native-with-entity-fields.yaml"))
                .extracting(Problem::file, Problem::path, Problem::message)
                .containsExactlyInAnyOrder(
                        tuple("entities/name-not-in-text.yaml", "$.expect.persons[1]",
                                "neither 'Ravi Kumar' nor its aliases appear in the text; add the form the text uses"
                                        + " as an alias"),
                        tuple("entities/name-not-in-text.yaml", "$.expect.places[1]",
                                "the form 'Pune' also names the entity at $.expect.places[0]; a name must identify"
                                        + " one entity"),
                        tuple("kannada/native-with-entity-fields.yaml", "$.text",
                                "belongs to kind: entities, but this case is kind: native; remove it or change the"
                                        + " kind"));
    }

    @Test
    void imagesMustBePngOrJpegFilesInsideTheCasesDirectory() {
        assertThat(relative()).filteredOn(p -> p.file().startsWith("vision/"))
                .extracting(Problem::file, Problem::path, Problem::message)
                .containsExactlyInAnyOrder(
                        tuple("vision/escaping-image.yaml", "$.image", "'../../cases/vision/clock-face.png' leaves"
                                + " the cases directory; keep images inside it (beside the case file)"),
                        tuple("vision/missing-image.yaml", "$.image", "'nowhere.png' does not exist (looked for"
                                + " vision/nowhere.png in the cases directory)"),
                        tuple("vision/not-an-image.yaml", "$.image", "'not-an-image.png' is neither a PNG nor a"
                                + " JPEG image (by its first bytes); convert it to PNG or JPEG"),
                        tuple("vision/no-expectation.yaml", "$.expect", "says nothing a correct answer contains:"
                                + " list keywords (all must appear) or oneOf (one of the accepted answers must appear)"),
                        tuple("vision/no-expectation.yaml", "$.image", "'not-an-image.png' is neither a PNG nor a"
                                + " JPEG image (by its first bytes); convert it to PNG or JPEG"));
    }

    @Test
    void filesOutsideSuiteDirectoriesAreReported() {
        assertThat(relative()).extracting(Problem::file, Problem::message).contains(
                tuple("stray.yaml", "a case file belongs in a suite directory (tool-calling, entities, kannada, vision)"),
                tuple("toolcalling/", "is not a suite directory; suites: tool-calling, entities, kannada, vision"));
    }

    @Test
    void theBuiltInCasesAddNoProblemAndEveryProblemIsInTheOneException() {
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).startsWith(root.toString()));
        assertThat(problems).hasSize(23);
        assertThatThrownBy(() -> QualityCases.load(settings))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Configuration error: 23 problems in 15 files; nothing was booted.")
                .hasMessageContaining("tool-calling/bad-regex.yaml:\n    - $.expect.calls[0].arguments.text.regex:");
    }

    @Test
    void aCasesSettingThatIsNotADirectoryIsAProblem() {
        Problems collected = new Problems();
        QualityCases.load(Settings.ofMap(Map.of(Settings.CASES, root.resolve("missing").toString())), collected);
        assertThat(collected.list()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Settings.CASES + "=" + root.resolve("missing"));
            assertThat(p.message()).startsWith("is not a directory");
        });
    }
}
