package dev.modelgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files of several runs in one directory: nothing overwritten, the runs' verdict tests left out. */
class AllureResultsMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHARED = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path tmp;

    @Test
    void aUuidUsedByTwoRunsForDifferentTestsIsGivenAnewInTheSecond() throws IOException {
        Path a = run("a", "ttft of model-a", "model-a");
        Path b = run("b", "ttft of model-b", "model-b");
        Path target = tmp.resolve("merged");

        AllureResultsMerge merge = new AllureResultsMerge(target);
        merge.add(a);
        merge.add(b);
        merge.add(a); // the same run twice: nothing new

        List<JsonNode> results = results(target);
        assertThat(results).extracting(r -> r.path("name").asText())
                .containsExactlyInAnyOrder("ttft of model-a", "ttft of model-b");
        assertThat(results).extracting(r -> r.path("uuid").asText()).doesNotHaveDuplicates().contains(SHARED);
        JsonNode renamed = results.stream().filter(r -> r.path("name").asText().endsWith("model-b")).findFirst()
                .orElseThrow();
        String source = renamed.at("/attachments/0/source").asText();
        assertThat(source).doesNotContain(SHARED).startsWith(renamed.path("uuid").asText());
        assertThat(target.resolve(source)).hasContent("log of model-b");
        assertThat(target.resolve(SHARED + "-attachment.txt")).hasContent("log of model-a");
        assertThat(results).extracting(r -> r.path("historyId").asText()).containsExactlyInAnyOrder("h-model-a", "h-model-b");
        assertThat(merge.renamed()).isEqualTo(1);
        assertThat(merge.verdictTestsLeftOut()).isEqualTo(3);
        assertThat(target.resolve("environment.properties")).doesNotExist();
        assertThat(merge.environment(Map.of("baseline", "x"))).containsEntry("gpu", "GPU of a; GPU of b")
                .containsEntry("baseline", "x");
    }

    private Path run(String name, String test, String model) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("allure-results"));
        Files.writeString(dir.resolve(SHARED + "-result.json"), JSON.writeValueAsString(Map.of(
                "uuid", SHARED, "name", test, "historyId", "h-" + model, "status", "passed",
                "labels", List.of(Map.of("name", "suite", "value", model)),
                "attachments", List.of(Map.of("name", "log", "source", SHARED + "-attachment.txt", "type", "text/plain")))));
        Files.writeString(dir.resolve(SHARED + "-attachment.txt"), "log of " + model);
        String verdict = "9999999" + name + "-0000-0000-0000-000000000000";
        Files.writeString(dir.resolve(verdict + "-result.json"), JSON.writeValueAsString(Map.of(
                "uuid", verdict, "name", "swap verdict vs base", "historyId", "v-" + model, "status", "failed",
                "labels", List.of(Map.of("name", "feature", "value", "Swap verdict")))));
        Files.writeString(dir.resolve("environment.properties"), "gpu=GPU of " + name + "\n");
        return dir;
    }

    private static List<JsonNode> results(Path dir) throws IOException {
        List<JsonNode> r = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                r.add(JSON.readTree(f.toFile()));
            }
        }
        return r;
    }
}
