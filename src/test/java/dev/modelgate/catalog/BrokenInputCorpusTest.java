package dev.modelgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of broken input under {@code broken/}: each file states in its first line the field
 * path and a fragment of the message it must produce ({@code # expect: <path> | <fragment>}).
 * Each gives exactly one problem, naming the file, the field path and what was expected.
 */
class BrokenInputCorpusTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> eachBrokenCandidateFileGivesOneClearError() {
        return corpus("broken/models").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Path dir = Files.createDirectories(tmp.resolve(ResourceDirs.stem(file)));
            Files.copy(file, dir.resolve(file.getFileName()));
            Problems problems = new Problems();
            CatalogLoader.loadCandidates(dir, "models/", new java.util.LinkedHashMap<>(), problems);
            assertOneProblem(file, problems.list());
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenRequirementsFileGivesOneClearError() {
        return corpus("broken/requirements").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Problems problems = new Problems();
            CatalogLoader.load(Settings.ofMap(Map.of(Settings.REQUIREMENTS, file.toString())), problems);
            assertOneProblem(file, problems.list());
        }));
    }

    @Test
    void allProblemsOfARunAreReportedTogether() {
        Problems problems = new Problems();
        CatalogLoader.load(Settings.ofMap(Map.of(
                Settings.MODELS, ResourceDirs.find("broken/models").orElseThrow().toString(),
                Settings.REQUIREMENTS, ResourceDirs.find("broken/requirements/unknown-unit.yaml").orElseThrow()
                        .toString())), problems);

        long files = corpus("broken/models").count();
        assertThat(problems.list()).hasSize((int) files + 1);
        CatalogException e = new CatalogException(problems.list());
        assertThat(e.getMessage()).startsWith("Configuration error: " + (files + 1) + " problems in " + (files + 1)
                + " files; nothing was booted.");
    }

    @Test
    void duplicateIdsAndTwoBaselinesAreErrors() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("dupes"));
        Files.writeString(dir.resolve("twin.yaml"), "name: Twin\nengine: {type: vllm}\nbaseline: true\n");
        Files.writeString(dir.resolve("twin.yml"), "name: Twin again\nengine: {type: vllm}\n");
        Files.writeString(dir.resolve("other.yaml"), "name: Other\nengine: {type: vllm}\nbaseline: true\n");
        Problems problems = new Problems();
        CatalogLoader.load(Settings.ofMap(Map.of(Settings.MODELS, dir.toString())), problems);

        assertThat(problems.list()).extracting(Problem::message).anySatisfy(m ->
                assertThat(m).contains("duplicate candidate id 'twin'"));
        assertThat(problems.list()).extracting(Problem::message).anySatisfy(m ->
                assertThat(m).contains("more than one candidate is marked baseline: true"));
    }

    private static void assertOneProblem(Path file, List<Problem> problems) throws IOException {
        String header = Files.readAllLines(file).get(0);
        assertThat(header).as("first line of " + file.getFileName()).startsWith("# expect: ");
        String[] expect = header.substring("# expect: ".length()).split("\\|", 2);
        String path = expect[0].trim();
        String fragment = expect[1].trim();
        assertThat(problems).as(file.getFileName() + " gives exactly one problem").hasSize(1);
        Problem p = problems.get(0);
        assertThat(p.file()).as("names the file").contains(file.getFileName().toString().replaceAll("\\.yaml$", ""));
        if (path.equals("line")) {
            assertThat(p.path()).startsWith("line ");
        } else {
            assertThat(p.path()).isEqualTo(path);
        }
        assertThat(p.message()).as("says what was expected").contains(fragment);
    }

    private static Stream<Path> corpus(String dir) {
        Path root = ResourceDirs.find(dir).orElseThrow();
        return ResourceDirs.yamlFiles(root).stream();
    }
}
