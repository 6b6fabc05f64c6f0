package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** Builds cases from YAML text in tests, through the same schema and reader as case files. */
final class CaseTexts {

    private CaseTexts() {
    }

    static ToolCallingCase toolCalling(String yaml) {
        Problems problems = new Problems();
        Optional<ToolCallingCase> c = ToolCallingCaseReader.read(source("tool-calling"),
                valid(yaml, Suite.TOOL_CALLING), problems);
        assertThat(problems.list()).as("problems in the test case").isEmpty();
        return c.orElseThrow();
    }

    static EntityCase entities(String yaml) {
        Problems problems = new Problems();
        Optional<EntityCase> c = EntityCaseReader.read(source("entities"), valid(yaml, Suite.ENTITIES), problems);
        assertThat(problems.list()).as("problems in the test case").isEmpty();
        return c.orElseThrow();
    }

    private static CaseFile source(String suite) {
        Path root = Path.of("cases");
        return new CaseFile("test-case", root.resolve(suite).resolve("test-case.yaml"), root,
                "cases/" + suite + "/test-case.yaml");
    }

    private static JsonNode valid(String yaml, Suite suite) {
        try {
            JsonNode tree = YamlDocuments.YAML.readTree(yaml);
            Problems problems = new Problems();
            YamlDocuments.validate(tree, "test-case.yaml", suite.schemaName(), problems);
            assertThat(problems.list()).as("schema problems").isEmpty();
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
