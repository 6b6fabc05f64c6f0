package dev.modelgate.catalog.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.catalog.BuiltInCatalogue;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Facts;
import dev.modelgate.catalog.Problems;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Hub survey against recorded Hub API responses served on loopback. */
class HubSurveyTest {

    private static final String FP8_AS_DECLARED = "RedHatAI/gemma-4-26B-A4B-it-FP8-dynamic";

    @TempDir
    Path cache;

    @TempDir
    Path out;

    @RegisterExtension
    final RecordedHub hub = new RecordedHub();

    /**
     * The catalogue as it was before this survey: the FP8 Gemma spelled with a lower-case d, and the
     * Qwen3.6 NVFP4 without its weight size.
     */
    private static Catalog catalogueBefore() {
        Catalog builtIn = BuiltInCatalogue.get();
        Candidate fp8 = builtIn.candidate("gemma-4-26b-a4b-fp8").orElseThrow();
        Candidate qwen = builtIn.candidate("qwen3.6-35b-a3b").orElseThrow();
        Facts q = qwen.facts();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        candidates.put(fp8.id(), new Candidate(fp8.id(), fp8.name(), false, fp8.tags(),
                new Candidate.HuggingFace(FP8_AS_DECLARED, "main"), fp8.engine(), fp8.bootTimeoutSeconds(),
                fp8.facts(), fp8.stability(), fp8.declared(), fp8.source()));
        candidates.put(qwen.id(), new Candidate(qwen.id(), qwen.name(), false, qwen.tags(), qwen.huggingFace(),
                qwen.engine(), qwen.bootTimeoutSeconds(), new Facts(q.architecture(), q.totalParametersB(),
                q.activeParametersB(), q.moe(), q.quantization(), q.license(), q.contextLength(), q.modalities(),
                List.of(), q.notes()), qwen.stability(), qwen.declared(), qwen.source()));
        return new Catalog(candidates, builtIn.requirements());
    }

    private static Path surveyFile() throws URISyntaxException {
        return Path.of(HubSurveyTest.class.getClassLoader().getResource("survey/gemma-and-qwen.yaml").toURI());
    }

    private SurveyReport survey() throws URISyntaxException {
        return HubSurvey.create(hub.url(), Optional.empty(), cache).run(surveyFile(), catalogueBefore());
    }

    @Test
    void everyCheckpointFoundIsATableRowWithTheFactsTheHubShows() throws Exception {
        SurveyReport report = survey();

        assertThat(report.rows()).extracting(SurveyRow::repo).containsExactly(
                "RedHatAI/gemma-4-26B-A4B-it-FP8-Dynamic", "RedHatAI/gemma-4-26B-A4B-it-NVFP4",
                "example-org/big-model-70B-FP8", "nvidia/Qwen3.6-35B-A3B-NVFP4");
        SurveyRow nvfp4 = report.rows().get(1);
        assertThat(nvfp4).isEqualTo(new SurveyRow("RedHatAI/gemma-4-26B-A4B-it-NVFP4",
                "8e2d4f6a0c1b3e5d7f9a2c4e6b8d0f1a3c5e7b9d", "NVFP4",
                "quant_method=compressed-tensors, format=nvfp4-pack-quantized", 26.0, "repository name", 4.0, true,
                List.of("text", "image"), 262144, "config.json text_config.max_position_embeddings", "Apache-2.0",
                "license: apache-2.0", 16_100_000_000L, "the Hub's sizes of 4 *.safetensors files at 8e2d4f6a0c1b",
                "Gemma4ForConditionalGeneration", "gemma4", true, true, List.of(), null));
        SurveyRow qwen = report.rows().get(3);
        assertThat(qwen.quantizationDetail()).isEqualTo("hf_quant_config.json quant_algo=NVFP4");
        assertThat(qwen.weightsGiB()).isCloseTo(21.79, org.assertj.core.data.Offset.offset(0.005));
        assertThat(qwen.fitsBudget()).isFalse();
        assertThat(qwen.catalogueId()).isEqualTo("qwen3.6-35b-a3b");
        assertThat(report.rows().get(2).outOfScope()).containsExactly("parameters 70.0B", "no image input");
    }

    @Test
    void aCheckpointTheCatalogueLacksIsNewAndGetsADraftThatLoadsAsACandidateFile() throws Exception {
        SurveyReport report = survey();

        assertThat(report.newRows()).extracting(SurveyRow::repo)
                .containsExactly("RedHatAI/gemma-4-26B-A4B-it-NVFP4", "example-org/big-model-70B-FP8");
        assertThat(report.drafts()).containsOnlyKeys("gemma-4-26b-a4b-it-nvfp4");
        report.write(out);

        Problems problems = new Problems();
        Map<String, Candidate> loaded = new LinkedHashMap<>();
        CatalogLoader.loadCandidates(out.resolve("drafts"), "drafts", loaded, problems);
        problems.throwIfAny();
        Candidate draft = loaded.get("gemma-4-26b-a4b-it-nvfp4");
        assertThat(draft.huggingFace().repo()).isEqualTo("RedHatAI/gemma-4-26B-A4B-it-NVFP4");
        assertThat(draft.engine().args()).containsSubsequence("--tool-call-parser", "gemma4", "--chat-template",
                "examples/tool_chat_template_gemma4.jinja", "--reasoning-parser", "gemma4");
        assertThat(draft.facts()).extracting(Facts::quantization, Facts::license, Facts::contextLength, Facts::moe,
                Facts::weightsBytes).containsExactly("NVFP4", "Apache-2.0", 262144, true, 16_100_000_000L);
        assertThat(draft.facts().unconfirmed()).contains("totalParametersB", "activeParametersB", "modalities");
        assertThat(Files.readString(out.resolve("drafts/gemma-4-26b-a4b-it-nvfp4.yaml")))
                .contains("#   [hub]     " + hub.url() + "/api/models/RedHatAI/gemma-4-26B-A4B-it-NVFP4?blobs=true");
    }

    @Test
    void catalogueFactsTheHubContradictsAreListedPerCandidate() throws Exception {
        SurveyReport report = survey();

        assertThat(report.changes()).containsOnlyKeys("gemma-4-26b-a4b-fp8", "qwen3.6-35b-a3b");
        assertThat(report.changes().get("gemma-4-26b-a4b-fp8")).containsExactly("huggingFace.repo is "
                + FP8_AS_DECLARED + " in the candidate file, but the Hub spells it"
                + " RedHatAI/gemma-4-26B-A4B-it-FP8-Dynamic (/api/models id)");
        assertThat(report.changes().get("qwen3.6-35b-a3b")).containsExactly("facts.weightsBytes is not declared;"
                + " the Hub's sizes of 5 *.safetensors files at c4a6e8f0b2d4 sum to 23,400,000,000 bytes (21.79 GiB)");
        assertThat(report.render()).contains(
                "| `RedHatAI/gemma-4-26B-A4B-it-NVFP4` | **new** | yes | NVFP4 | 26B / 4B | yes | text, image"
                        + " | 262,144 | Apache-2.0 | 16.1 GB (14.99 GiB) | Gemma4ForConditionalGeneration | yes |",
                "| `nvidia/Qwen3.6-35B-A3B-NVFP4` | `qwen3.6-35b-a3b` | yes | NVFP4 | 35B / 3B | yes | text, image"
                        + " | 262,144 | Apache-2.0 | 23.4 GB (21.79 GiB) | Qwen3_5MoeForConditionalGeneration | **no** |",
                "weights judged against the memory budget's must-have (≤ 20 GiB)");
    }

    @Test
    void aDeclaredWeightSizeTheHubContradictsIsADifference() throws Exception {
        Catalog before = catalogueBefore();
        Candidate qwen = BuiltInCatalogue.get().candidate("qwen3.6-35b-a3b").orElseThrow();
        Facts q = qwen.facts();
        Candidate edge = new Candidate(qwen.id(), qwen.name(), false, qwen.tags(), qwen.huggingFace(), qwen.engine(),
                qwen.bootTimeoutSeconds(), new Facts(q.architecture(), q.totalParametersB(), q.activeParametersB(),
                q.moe(), q.quantization(), q.license(), q.contextLength(), q.modalities(), List.of(), q.notes(),
                21_000_000_000L, "an old note: about 21 GB"), qwen.stability(), qwen.declared(), qwen.source());
        Map<String, Candidate> candidates = new LinkedHashMap<>(before.candidates());
        candidates.put(edge.id(), edge);

        SurveyReport report = HubSurvey.create(hub.url(), Optional.empty(), cache)
                .run(surveyFile(), new Catalog(candidates, before.requirements()));

        assertThat(report.changes().get("qwen3.6-35b-a3b")).containsExactly("facts.weightsBytes is 21,000,000,000"
                + " (an old note: about 21 GB) in the candidate file, but the Hub's sizes of 5 *.safetensors files"
                + " at c4a6e8f0b2d4 sum to 23,400,000,000 bytes (21.79 GiB)");
    }

    @Test
    void aSecondRunReadsTheCacheAndNeedsNoHub() throws Exception {
        SurveyReport first = survey();
        int requests = hub.requests().size();
        hub.close();

        SurveyReport second = HubSurvey.create("http://127.0.0.1:9", Optional.empty(), cache)
                .run(surveyFile(), catalogueBefore());

        assertThat(requests).isGreaterThan(0);
        assertThat(second).isEqualTo(new SurveyReport("http://127.0.0.1:9/", first.rows(), first.changes(),
                second.drafts(), first.notes(), first.budget()));
        assertThat(Files.isRegularFile(cache.resolve("api/models/RedHatAI/gemma-4-26B-A4B-it-NVFP4/info.json"))).isTrue();
    }

    @Test
    void aWrongSurveyFileNamesEveryProblem() throws IOException {
        Path bad = out.resolve("bad.yaml");
        Files.writeString(bad, "authorz: [nvidia]\nparameters: {minB: 40, maxB: 7}\nmodalities: [smell]\nlimit: 0\n");

        assertThatThrownBy(() -> HubSurvey.create(hub.url(), Optional.empty(), cache).run(bad, catalogueBefore()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Configuration error: the survey file " + bad + " has 5 problems:")
                .hasMessageContaining("authorz: unknown field")
                .hasMessageContaining("authors/repos: name at least one Hub account")
                .hasMessageContaining("parameters: minB 40.0 is above maxB 7.0")
                .hasMessageContaining("limit: 0 must be a whole number from 1 to 1000")
                .hasMessageContaining("modalities: smell is not one of text, image, audio, video");
        assertThat(hub.requests()).isEmpty();
    }
}
