package dev.modelgate.report;

import dev.modelgate.verdict.ResultFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.measure.memory.Catalogue;
import dev.modelgate.verdict.CandidateResult;
import dev.modelgate.verdict.ResultStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceRegistryTableTest {

    @TempDir
    Path results;

    private void result(String id, Map<String, Object> vram) {
        CandidateResult r = CandidateResult.start(Catalogue.candidate(id.startsWith("nemotron") ? id
                : "gemma-4-26b-a4b"), "sha256:test");
        CandidateResult copy = CandidateResult.of(r.snapshot().put("id", id));
        if (vram != null) {
            copy.metric("vramGiB", vram);
        }
        copy.complete(true);
        new ResultStore(results).write(copy);
    }

    private static Map<String, Object> vram(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void everyMeasuredCandidateAgainstTheMachineWithTheResultFilesOwnNumbers() throws IOException {
        result("gemma-4-26b-a4b", vram("value", 10.51, "method", "nvidia-smi", "weightsGiB", 8.22, "kvCacheGiB", 9.87,
                "budgetGiB", 19.99));
        result("gemma-spark", vram("value", 22.5, "method", "unified-memory", "weightsGiB", 8.22, "kvCacheGiB", 9.87,
                "budgetGiB", 19.99));
        result("huge", vram("value", 110.0, "method", "ollama-api-ps"));
        result("too-big", vram("weightsGiB", 30.41, "kvCacheGiB", -11.73, "budgetGiB", 19.99, "bootFailure",
                "ValueError: No available memory for the cache blocks."));
        result("nemotron-3-nano-30b-a3b-nvfp4", null);
        Files.writeString(results.resolve("verdict.json"), "{\"candidates\":[]}");
        Requirements requirements = Catalogue.requirements();

        Path file = ResourceRegistryTable.write(results, requirements);

        String md = Files.readString(file);
        assertThat(file.getFileName().toString()).isEqualTo("resource-registry.md");
        assertThat(md).contains("Machine memory: 128.00 GiB (unified: CPU and GPU share it). Co-resident services:"
                + " embedding service 14.00 GiB, audio service 9.40 GiB. Left for the model: 104.60 GiB.");
        List<String[]> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Candidate"))
                .map(l -> Arrays.stream(l.substring(1, l.length() - 1).split(" \\| ", -1)).map(String::trim)
                        .toArray(String[]::new))
                .toList();
        assertThat(rows).extracting(r -> r[0]).containsExactly("gemma-4-26b-a4b", "gemma-spark", "huge", "too-big");
        for (String[] row : rows) {
            JsonNode vram = ResultFiles.JSON.readTree(results.resolve(row[0] + ".json").toFile())
                    .path("metrics").path("vramGiB");
            assertCell(row[1], vram.get("weightsGiB"));
            assertCell(row[2], vram.get("kvCacheGiB"));
            assertCell(row[3], vram.get("value"));
            assertThat(row[4]).isEqualTo(vram.has("method") ? vram.get("method").asText() : "—");
            assertCell(row[5], vram.get("budgetGiB"));
        }
        assertThat(rows.get(0)[6]).isEqualTo("fits (94.09 GiB left)");
        assertThat(rows.get(1)[6]).isEqualTo("fits (82.10 GiB left)");
        assertThat(rows.get(2)[6]).isEqualTo("does not fit (5.40 GiB over)");
        assertThat(rows.get(3)[6]).isEqualTo("does not fit its budget: did not boot (ValueError: No available memory"
                + " for the cache blocks.)");
    }

    @Test
    void noMeasurementYetIsSaidSo() {
        String md = ResourceRegistryTable.render(ResourceRegistryTable.readResults(results.resolve("absent")),
                Catalogue.requirements().machine());

        assertThat(md).contains("| (no candidate has a memory measurement yet) |");
    }

    private static void assertCell(String cell, JsonNode number) {
        if (number == null) {
            assertThat(cell).isEqualTo("—");
        } else {
            assertThat(Double.parseDouble(cell)).isEqualTo(number.asDouble());
        }
    }
}
