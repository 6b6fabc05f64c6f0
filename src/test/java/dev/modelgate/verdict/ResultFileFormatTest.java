package dev.modelgate.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.MetricNames;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result file of this release's format, written by a whole-suite run against the simulator
 * (vLLM dialect, one wrong tool call of ten, no nvidia-smi) before the file was typed, reads into
 * the same figures and the same verdict as that run computed then ({@code sim-model-verdict.json}).
 */
class ResultFileFormatTest {

    private static final String ID = "sim-model";
    private static final String BASELINE = "nemotron-3-nano-30b-a3b-nvfp4";
    private static Catalog catalog;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadCatalog() {
        catalog = CatalogLoader.load(Settings.ofMap(Map.of()), new Problems());
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = ResultFileFormatTest.class.getResourceAsStream("/result-files/" + name)) {
            return ResultFiles.JSON.readTree(in);
        }
    }

    @Test
    void theCapturedFileReadsIntoItsFiguresOutcomesAndFaults() throws IOException {
        Path file = Files.writeString(tmp.resolve(ID + ".json"), resource(ID + ".json").toString());

        ResultFile r = ResultFiles.read(file).orElseThrow();

        assertThat(r.id()).isEqualTo(ID);
        assertThat(r.complete()).isTrue();
        assertThat(r.engine().type()).isEqualTo("vllm");
        assertThat(r.engine().version()).isEqualTo("0.12.0-sim");
        assertThat(r.faults()).containsEntry("bootFailures", 0).containsEntry("serverDied", 0).hasSize(5);
        assertThat(r.requirement("tool-calling").orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(r.requirement("tool-calling").orElseThrow().level()).isEqualTo(Level.NONE);
        assertThat(r.requirement("licence").orElseThrow().value()).isEqualTo("Apache-2.0");
        assertThat(r.requirement("vram").orElseThrow().status()).isEqualTo(Status.BROKEN);
        assertThat(r.requirement("vram").orElseThrow().error()).isEqualTo("CannotMeasure");
        assertThat(r.test("toolCallingAccuracy").orElseThrow().status()).isEqualTo(Status.FAILED);
        MetricFigure tools = r.figure(MetricNames.TOOL_CALLING_ACCURACY);
        assertThat(tools.value()).isEqualTo(0.9);
        assertThat(tools.passed()).isEqualTo(9);
        assertThat(tools.total()).isEqualTo(10);
        assertThat(tools.interval()).isEqualTo(new Interval(0.5958, 0.9821));
        assertThat(r.figure(MetricNames.KANNADA + "." + MetricNames.KANNADA_NATIVE_RESPONSE).value()).isEqualTo(1.0);
        assertThat(r.figure(MetricNames.VRAM_GIB).value()).as("not measured without nvidia-smi").isNull();

        ModelFigures f = ModelFigures.fromResult(r, file.toString(), 0.5);
        assertThat(f.figure(ModelFigures.TOOL_CALLING).value()).isEqualTo(0.9);
        assertThat(f.figure(ModelFigures.DECODE).value()).isEqualTo(99.98);
        assertThat(f.figure(ModelFigures.VISION_ACCEPTED).value()).isEqualTo(1.0);
        assertThat(f.figure(ModelFigures.VRAM).present()).isFalse();
        assertThat(f.faultCount()).isZero();
    }

    @Test
    void theCapturedFileGivesTheVerdictItsRunComputed() throws IOException {
        JsonNode captured = resource(ID + "-verdict.json");
        ObjectNode result = (ObjectNode) resource(ID + ".json");
        result.remove("score"); // written back by that verdict: a fresh verdict does not read it
        Files.writeString(tmp.resolve(ID + ".json"), result.toString());
        RunManifest manifest = new RunManifest(List.of(ID), BASELINE, Instant.parse(captured.path("runStartedAt")
                .asText()), "must");

        Verdict v = new Verdicts(catalog.requirements(), catalog::candidate, tmp, List.of()).compute(manifest, Gate.MUST);

        JsonNode now = v.toJson().path("candidates").get(0);
        JsonNode then = captured.path("candidates").get(0);
        for (String field : List.of("id", "outcome", "swap", "reason", "inconclusive", "mustHaveMisses",
                "notEstablished", "niceToHaveMisses", "inconclusiveFigures", "score", "ratio", "gain", "paired")) {
            assertThat(now.path(field)).as(field).isEqualTo(then.path(field));
        }
        assertThat(now.at("/score/total").asDouble()).isCloseTo(0.8356, within(0.0001));
        assertThat(now.path("outcome").asText()).isEqualTo("disqualified");
    }

    @Test
    void fieldsOfANewerWriterAreIgnoredWhenReadAndKeptWhenRewritten() throws IOException {
        ObjectNode newer = (ObjectNode) resource(ID + ".json");
        newer.put("formatNote", "written by a newer release");
        ((ObjectNode) newer.path("requirements").path("ttft")).put("percentile", 50);
        ((ObjectNode) newer.path("metrics").path("ttftMs")).put("p999", 80.5);
        Path file = Files.writeString(tmp.resolve(ID + ".json"), newer.toString());

        ResultFile r = ResultFiles.read(file).orElseThrow();
        assertThat(r.requirement("ttft").orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(r.figure(MetricNames.TTFT_MS).p50()).isNotNull();

        ResultStore store = new ResultStore(tmp);
        CandidateResult again = store.read(ID).orElseThrow();
        again.requirement("ttft", RequirementOutcome.ended(Status.PASSED, "ttft", null, null, null));
        store.write(again);
        JsonNode written = ResultFiles.JSON.readTree(file.toFile());
        assertThat(written.path("formatNote").asText()).isEqualTo("written by a newer release");
        assertThat(written.at("/requirements/ttft/percentile").asInt()).isEqualTo(50);
        assertThat(written.at("/metrics/ttftMs/p999").asDouble()).isEqualTo(80.5);
    }

    @Test
    void aStatusOrLevelThisReleaseDoesNotKnowReadsAsNone() {
        ObjectNode tree = ResultFiles.JSON.createObjectNode().put("id", "x");
        tree.putObject("requirements").putObject("ttft").put("status", "flaky").put("level", "stretch");

        RequirementOutcome entry = ResultFiles.bind(tree).requirement("ttft").orElseThrow();

        assertThat(entry.status()).isNull();
        assertThat(entry.level()).isNull();
        assertThat(entry.decisive()).isFalse();
    }

    @Test
    void statusValuesAreWrittenInLowerCase() {
        assertThat(ResultFiles.tree(RequirementOutcome.ended(Status.SKIPPED, "t", "why", null, null)).toString())
                .isEqualTo("{\"message\":\"why\",\"status\":\"skipped\",\"test\":\"t\"}");
        assertThat(List.of(Status.values())).extracting(Status::json)
                .containsExactly("passed", "failed", "broken", "skipped");
    }
}
