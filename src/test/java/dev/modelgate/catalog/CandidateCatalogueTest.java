package dev.modelgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in candidate catalogue: it loads cleanly and each file is complete and consistent. */
class CandidateCatalogueTest {

    private final Catalog catalog = BuiltInCatalogue.get();

    @Test
    void theBuiltInCatalogueLoadsWithoutAProblem() {
        Problems problems = new Problems();
        CatalogLoader.load(Settings.ofMap(Map.of()), problems);

        assertThat(problems.list()).isEmpty();
    }

    @Test
    void everyCandidateOfTheIssueHasAFile() {
        assertThat(vllmCandidates().stream().map(Candidate::id)).containsExactlyInAnyOrder(
                "nemotron-3-nano-30b-a3b-nvfp4", "gemma-4-26b-a4b", "gemma-4-26b-a4b-fp8", "gemma-4-31b",
                "gemma-4-e4b", "qwen3-30b-a3b", "qwen3-vl-30b-a3b", "mistral-small-3.2-24b", "phi-4-multimodal",
                "llama-4-scout", "nemotron-3-nano-omni-30b-a3b", "qwen3.6-35b-a3b", "gemma-4-26b-a4b-nvfp4-redhat",
                "ministral-3-14b", "gpt-oss-20b");
        assertThat(catalog.baseline()).map(Candidate::id).contains("nemotron-3-nano-30b-a3b-nvfp4");
    }

    @Test
    void everyFileDeclaresItsSourceEveryStaticFactAndItsStability() {
        for (Candidate c : vllmCandidates()) {
            Facts f = c.facts();
            assertThat(c.huggingFace()).as(c.id()).isNotNull();
            assertThat(c.huggingFace().repo()).as(c.id() + " repo").isNotBlank();
            assertThat(c.huggingFace().revision()).as(c.id() + " revision").isNotBlank();
            assertThat(f.architecture()).as(c.id() + " architecture").isNotBlank();
            assertThat(f.totalParametersB()).as(c.id() + " total parameters").isPositive();
            assertThat(f.activeParametersB()).as(c.id() + " active parameters")
                    .isPositive().isLessThanOrEqualTo(f.totalParametersB());
            assertThat(f.moe()).as(c.id() + " moe").isNotNull();
            assertThat(f.quantization()).as(c.id() + " quantization").isNotBlank();
            assertThat(f.license()).as(c.id() + " licence").isNotBlank();
            assertThat(f.contextLength()).as(c.id() + " context").isPositive();
            assertThat(f.modalities()).as(c.id() + " modalities").contains("text");
            assertThat(f.notes()).as(c.id() + " notes").isNotBlank();
            assertThat(c.stability().rating()).as(c.id() + " stability").isNotNull();
            assertThat(c.stability().evidence()).as(c.id() + " stability evidence").isNotBlank();
            assertThat(c.engine().type()).as(c.id() + " engine").isEqualTo("vllm");
        }
    }

    @Test
    void everyLicenceIsAnSpdxIdOrALicenseRef() {
        for (Candidate c : catalog.candidates().values()) {
            for (String id : c.facts().license().split("\\s+(AND|OR)\\s+")) {
                assertThat(id).as(c.id()).matches("Apache-2\\.0|MIT|LicenseRef-[A-Za-z0-9.-]+");
            }
        }
    }

    @Test
    void tagsAgreeWithTheFacts() {
        for (Candidate c : catalog.candidates().values()) {
            Facts f = c.facts();
            assertThat(c.tags().contains("moe")).as(c.id() + " moe tag").isEqualTo(f.moe());
            assertThat(c.tags().contains("dense") || c.tags().contains("moe")).as(c.id() + " dense|moe").isTrue();
            assertThat(c.tags().contains("vision")).as(c.id() + " vision tag").isEqualTo(f.accepts("image"));
            assertThat(c.tags().contains("audio")).as(c.id() + " audio tag").isEqualTo(f.accepts("audio"));
            assertThat(c.tags().contains("nvfp4")).as(c.id() + " nvfp4 tag").isEqualTo("NVFP4".equals(f.quantization()));
            assertThat(c.tags().contains("fp8")).as(c.id() + " fp8 tag").isEqualTo("FP8".equals(f.quantization()));
            assertThat(c.tags().contains("baseline")).as(c.id() + " baseline tag").isEqualTo(c.baseline());
        }
    }

    /**
     * vLLM exits at start on an unknown parser name. The names below are the ones vLLM documents for
     * these families (docs/features/tool_calling.md, the model recipes: {@code openai} is gpt-oss's, in
     * models/openai/gpt-oss-20b.yaml features.tool_calling).
     */
    @Test
    void toolAndReasoningParsersAreNamesVllmKnows() {
        Set<String> toolParsers = Set.of("gemma4", "hermes", "qwen3_coder", "qwen3_xml", "mistral",
                "llama4_pythonic", "openai");
        Set<String> reasoningParsers = Set.of("gemma4", "qwen3", "nemotron_v3");
        for (Candidate c : catalog.candidates().values()) {
            List<String> args = c.engine().args();
            String tool = valueOf(args, "--tool-call-parser");
            if (tool != null) {
                assertThat(toolParsers).as(c.id() + " tool parser").contains(tool);
                assertThat(args).as(c.id()).contains("--enable-auto-tool-choice");
            }
            String reasoning = valueOf(args, "--reasoning-parser");
            if (reasoning != null) {
                assertThat(reasoningParsers).as(c.id() + " reasoning parser").contains(reasoning);
            }
        }
    }

    @Test
    void theServedContextFitsTheDeclaredOneUnlessRopeScalingExtendsIt() {
        for (Candidate c : vllmCandidates()) {
            List<String> args = c.engine().args();
            String maxModelLen = valueOf(args, "--max-model-len");
            assertThat(maxModelLen).as(c.id() + " --max-model-len").isNotNull();
            if (!args.contains("--hf-overrides")) {
                assertThat(Integer.parseInt(maxModelLen)).as(c.id())
                        .isLessThanOrEqualTo(c.facts().contextLength());
            }
        }
    }

    @Test
    void everyDeclaredArchitectureIsOneVllmServes() {
        VllmArchitectures vllm = VllmArchitectures.builtIn();
        for (Candidate c : catalog.candidates().values()) {
            assertThat(vllm.supports(c.facts().architecture())).as(c.id() + " " + c.facts().architecture()).isTrue();
        }
    }

    @Test
    void aMisspelledUnconfirmedFactIsReportedWithFileAndPath(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("typo.yaml"), """
                name: Typo
                engine: {type: vllm}
                facts:
                  license: MIT
                  unconfirmed: [licence]
                """);
        Problems problems = new Problems();
        CatalogLoader.load(Settings.ofMap(Map.of(Settings.MODELS, dir.toString())), problems);

        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("typo.yaml");
            assertThat(p.path()).isEqualTo("$.facts.unconfirmed[0]");
            assertThat(p.message()).contains("architecture", "license", "contextLength");
        });
    }

    private static String valueOf(List<String> args, String flag) {
        int i = args.indexOf(flag);
        return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
    }

    /** The team's candidates (served by vLLM); the embedded default model is not one of them. */
    private List<Candidate> vllmCandidates() {
        return catalog.candidates().values().stream().filter(c -> c.engine().type().equals("vllm")).toList();
    }
}
