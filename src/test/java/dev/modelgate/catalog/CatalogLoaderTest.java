package dev.modelgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void builtInCatalogueIsValidAndHasTheSeedRequirements() {
        Problems problems = new Problems();
        Catalog catalog = CatalogLoader.load(Settings.ofMap(Map.of()), problems);

        assertThat(problems.list()).isEmpty();
        Requirements r = catalog.requirements();
        assertThat(r.swapThreshold()).isEqualTo(0.15);
        assertThat(r.weights()).isEqualTo(new Weights(0.40, 0.25, 0.20, 0.10, 0.05));
        assertThat(r.require("vram").must()).contains(Threshold.parse("<= 20"));
        assertThat(r.require("vram").nice()).contains(Threshold.parse("<= 15"));
        assertThat(r.require("decode").must()).contains(Threshold.parse("> 40"));
        assertThat(r.require("ttft").nice()).contains(Threshold.parse("< 150"));
        assertThat(r.require("tool-calling").must()).contains(Threshold.parse("> 0.90"));
        assertThat(r.require("context").must()).contains(Threshold.parse(">= 131072"));
        assertThat(r.require("vision").must()).isEmpty();
        assertThat(r.machine().availableGiB()).isEqualTo(128 - 14 - 9.4, org.assertj.core.data.Offset.offset(1e-9));
        Candidate baseline = catalog.baseline().orElseThrow();
        assertThat(baseline.declared().vramGiB()).isEqualTo(18);
        assertThat(baseline.declared().decodeTokensPerSecond()).isEqualTo(new Range(48, 65));
        assertThat(baseline.declared().ttftMs()).isEqualTo(130);
    }

    @Test
    void aTeamDirectoryAddsCandidatesAndAnUnknownIdIsAdHoc() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(dir.resolve("team-model.yaml"), """
                name: Team model
                tags: [vision]
                engine: {type: external, url: "http://gpu-box:8000"}
                """);
        Problems problems = new Problems();
        Catalog catalog = CatalogLoader.load(Settings.ofMap(Map.of(Settings.MODELS, dir.toString())), problems);

        assertThat(problems.list()).isEmpty();
        assertThat(catalog.select("team-model,org/new-model").stream().map(Candidate::id))
                .containsExactly("team-model", "org/new-model");
        Candidate adHoc = catalog.select("org/new-model").get(0);
        assertThat(adHoc.adHoc()).isTrue();
        assertThat(adHoc.engine().type()).isEqualTo("vllm");
        assertThat(adHoc.modelReference()).isEqualTo("org/new-model");
        assertThat(catalog.select("tag:vision").stream().map(Candidate::id)).contains("team-model");
    }

    @Test
    void requirementsInTheWrongUnitOrFormAreNamedWithFileAndField() throws IOException {
        Path file = tmp.resolve("requirements.yaml");
        Files.writeString(file, """
                baseline: nemotron-3-nano-30b-a3b-nvfp4
                requirements:
                  tool-calling: {unit: ratio, must: "> 90"}
                  ttft: {unit: ms, must: "about 300"}
                  decode: {unit: tok/s}
                """);
        Problems problems = new Problems();
        CatalogLoader.loadRequirements(file, problems);

        assertThat(problems.list()).extracting(Problem::path)
                .contains("$.requirements.ttft.must", "$.requirements.decode");
        Problems units = new Problems();
        Files.writeString(file, """
                baseline: x
                requirements:
                  tool-calling: {unit: ratio, must: "> 90"}
                """);
        CatalogLoader.loadRequirements(file, units);
        assertThat(units.list()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.requirements.tool-calling.must");
            assertThat(p.message()).contains("not a ratio").contains("did you mean 0.9?");
        });
    }

    @Test
    void fieldPathsAreWrittenAsJsonPaths() {
        assertThat(YamlDocuments.jsonPath("/engine/args/2")).isEqualTo("$.engine.args[2]");
        assertThat(YamlDocuments.jsonPath("")).isEqualTo("$");
    }
}
