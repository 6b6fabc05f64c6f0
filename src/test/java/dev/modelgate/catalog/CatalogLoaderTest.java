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
    void theBuiltInTableCarriesTheSloAndTheCapacitySearch() {
        Requirements r = BuiltInCatalogue.get().requirements();

        CapacityPlan plan = r.capacityPlan().orElseThrow();
        assertThat(plan.slo()).containsExactly(new SloBound("ttft", 95, 300), new SloBound("itl", 95, 50));
        assertThat(plan.profile()).isEqualTo("concurrency");
        assertThat(plan.low()).isEqualTo(1);
        assertThat(plan.high()).isEqualTo(64);
        assertThat(plan.budgetSeconds()).isEqualTo(120);
        assertThat(plan.durationSeconds()).isEqualTo(10);
        assertThat(plan.requestsPerLevel()).isZero();
        assertThat(plan.warmUpSeconds()).isEqualTo(2);
        assertThat(plan.seed()).isEqualTo(42);
        RequirementSpec row = r.require(Requirements.CAPACITY);
        assertThat(row.must()).isEmpty();
        assertThat(row.nice()).isEmpty();
        assertThat(row.unit()).isEqualTo("streams");
        assertThat(r.requirements()).as("the implicit row is not part of the table").doesNotContainKey("capacity");
    }

    @Test
    void aTableWithoutSloAndCapacityStillLoadsWithNoSearch() throws IOException {
        Path file = Files.writeString(tmp.resolve("old.yaml"), """
                baseline: nemotron-3-nano-30b-a3b-nvfp4
                requirements:
                  ttft: {unit: ms, must: "< 300"}
                """);
        Problems problems = new Problems();
        Requirements r = CatalogLoader.loadRequirements(file, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(r.capacityPlan()).isEmpty();
        assertThat(r.require(Requirements.CAPACITY).must()).isEmpty();
    }

    @Test
    void aRateSearchWithAThresholdIsJudgedInRequestsPerSecond() throws IOException {
        Path file = Files.writeString(tmp.resolve("rate.yaml"), """
                baseline: nemotron-3-nano-30b-a3b-nvfp4
                slo:
                  - {metric: e2e, percentile: 99, limitMs: 2000}
                capacity: {profile: poisson, low: 0.5, high: 20, resolution: 0.05, requestsPerLevel: 200, seed: 7}
                requirements:
                  capacity: {unit: requests/s, nice: ">= 4"}
                """);
        Problems problems = new Problems();
        Requirements r = CatalogLoader.loadRequirements(file, problems);

        assertThat(problems.list()).isEmpty();
        CapacityPlan plan = r.capacityPlan().orElseThrow();
        assertThat(plan.closedLoop()).isFalse();
        assertThat(plan.resolution()).isEqualTo(0.05);
        assertThat(plan.requestsPerLevel()).isEqualTo(200);
        assertThat(plan.seed()).isEqualTo(7);
        assertThat(r.require(Requirements.CAPACITY).nice()).isPresent();
        assertThat(r.require(Requirements.CAPACITY).unit()).isEqualTo("requests/s");
    }

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
