package dev.modelgate.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelgate.Evidence;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.BuiltInCatalogue;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Facts;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.testing.RecordingEvidence;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The static requirement tests judged against the real catalogue and requirement table. */
class StaticRequirementTestsTest {

    private static final Requirements requirements = BuiltInCatalogue.get().requirements();

    private static Candidate candidate(String id) {
        return BuiltInCatalogue.candidate(id);
    }

    /**
     * Ground truth, read off the candidate files by hand: the level each static requirement reaches
     * ({@code nice}, {@code must}, or {@code none} = must-have missed).
     */
    @ParameterizedTest(name = "{0}: licence {1}, quantization {2}, architecture {3}, context {4}")
    @CsvSource({
            "nemotron-3-nano-30b-a3b-nvfp4, none, nice, nice, nice",
            "gemma-4-26b-a4b,               must, nice, nice, nice",
            "gemma-4-26b-a4b-fp8,           must, must, nice, nice",
            "gemma-4-31b,                   none, nice, must, nice",
            "gemma-4-e4b,                   must, must, must, must",
            "qwen3-30b-a3b,                 must, must, nice, none",
            "qwen3-vl-30b-a3b,              must, must, nice, nice",
            "mistral-small-3.2-24b,         must, must, must, must",
            "phi-4-multimodal,              must, must, must, must",
            "llama-4-scout,                 none, nice, nice, nice",
            "nemotron-3-nano-omni-30b-a3b,  none, nice, nice, nice",
            "qwen3.6-35b-a3b,               must, nice, nice, nice",
            "stories-260k,                  must, none, must, none",
            "gemma-4-26b-a4b-nvfp4-redhat,  must, nice, nice, nice",
            "ministral-3-14b,               must, must, must, nice",
            "gpt-oss-20b,                   must, none, nice, must",
    })
    void everyCandidateReachesTheExpectedLevels(String id, String licence, String quantization,
                                                String architecture, String context) {
        Candidate c = candidate(id);
        assertThat(List.of(StaticOutcome.licence(c, requirements).level(),
                StaticOutcome.quantization(c, requirements).level(),
                StaticOutcome.architecture(c, requirements).level(),
                StaticOutcome.context(c, requirements).level()))
                .containsExactly(licence, quantization, architecture, context);
    }

    /**
     * Ground truth for the weights' fit: the declared size of the weight files in GiB against the
     * memory budget ({@code vram}: must at most 20 GiB, nice at most 15 GiB).
     */
    @ParameterizedTest(name = "{0}: weights {1} GiB, level {2}")
    @CsvSource({
            "qwen3.6-35b-a3b,              21.79, none",
            "gemma-4-26b-a4b,              14.90, nice",
            "gemma-4-26b-a4b-fp8,          26.67, none",
            "gemma-4-31b,                  17.70, must",
            "gemma-4-e4b,                   9.31, nice",
            "llama-4-scout,                60.54, none",
            "nemotron-3-nano-omni-30b-a3b, 26.08, none",
            "phi-4-multimodal,             13.04, nice",
            "mistral-small-3.2-24b,        24.03, none",
            "qwen3-30b-a3b,                28.87, none",
            "qwen3-vl-30b-a3b,             28.87, none",
            "stories-260k,                  0.00, nice",
            "gemma-4-26b-a4b-nvfp4-redhat, 14.90, nice",
            "ministral-3-14b,              15.83, must",
            "gpt-oss-20b,                  14.90, nice",
    })
    void theWeightsAreJudgedAgainstTheMemoryBudget(String id, double gib, String level) {
        StaticOutcome outcome = StaticOutcome.weights(candidate(id), requirements);

        assertThat((Double) outcome.evidence().judgement().value()).isCloseTo(gib, within(0.005));
        assertThat(outcome.level()).isEqualTo(level);
        assertThat(outcome.status()).isEqualTo(level.equals("none") ? "failed" : "passed");
    }

    @Test
    void qwenThreeSixNvfp4FailsTheMemoryBudgetByItsWeightsWithTheFigureAndItsSource() {
        StaticOutcome qwen = StaticOutcome.weights(candidate("qwen3.6-35b-a3b"), requirements);

        assertThat(qwen.status()).isEqualTo("failed");
        assertThat(qwen.message()).isEqualTo("weights (the Hub's *.safetensors sizes, about 23.4 GB (a summary of"
                + " NVIDIA's card: about 23 GB)) 21.79 GiB > 20 GiB (must-have)");
        assertThat(qwen.evidence().notes()).anyMatch(n -> n.startsWith("weight files: 23,400,000,000 bytes = 21.79 GiB,"
                + " from the Hub's *.safetensors sizes") && n.contains("the boot-time memory test"));
        assertThat(qwen.evidence().notes()).contains("facts.weightsBytes is marked unconfirmed in"
                + " models/qwen3.6-35b-a3b.yaml; judged as declared (the Hub survey, -Dgroups=survey, compares it"
                + " with the Hub's file sizes)");
    }

    @Test
    void aCandidateFileWithoutTheWeightsSizeSkipsTheWeightsCheckAndSaysHowToAddIt() {
        StaticOutcome baseline = StaticOutcome.weights(candidate("nemotron-3-nano-30b-a3b-nvfp4"), requirements);

        assertThat(baseline.status()).isEqualTo("skipped");
        assertThat(baseline.message()).startsWith("models/nemotron-3-nano-30b-a3b-nvfp4.yaml declares no"
                + " facts.weightsBytes").contains("the boot-time memory test still judges it");
        assertThat(StaticOutcome.weights(Candidate.adHoc("someorg/some-model"), requirements).status())
                .isEqualTo("skipped");
    }

    @Test
    void theTableAboveCoversTheWholeCatalogue() {
        assertThat(BuiltInCatalogue.get().candidates()).hasSize(16);
    }

    @Test
    void nvidiaLicensedModelsFailTheLicenceNamingIt() {
        StaticOutcome baseline = StaticOutcome.licence(candidate("nemotron-3-nano-30b-a3b-nvfp4"), requirements);

        assertThat(baseline.status()).isEqualTo("failed");
        assertThat(baseline.message()).isEqualTo(
                "licence LicenseRef-NVIDIA-Open-Model-License is not one of Apache-2.0, MIT (must-have)");
        assertThat(baseline.evidence().judgement())
                .isEqualTo(new RecordingEvidence.Judgement("licence", "LicenseRef-NVIDIA-Open-Model-License",
                        "none"));
    }

    @Test
    void llamaFourScoutFailsTheLicenceWithBothLicencesNamed() {
        StaticOutcome scout = StaticOutcome.licence(candidate("llama-4-scout"), requirements);

        assertThat(scout.status()).isEqualTo("failed");
        assertThat(scout.message()).contains(
                "LicenseRef-NVIDIA-Open-Model-License AND LicenseRef-Llama-4-Community-License", "(must-have)");
        assertThat(scout.evidence().notes()).anyMatch(n -> n.contains("every licence joined by AND applies"));
    }

    @Test
    void aPermissiveSingleLicencePassesAsMemberOfTheList() {
        StaticOutcome qwen = StaticOutcome.licence(candidate("qwen3-30b-a3b"), requirements);

        assertThat(qwen.status()).isEqualTo("passed");
        assertThat(qwen.evidence().judgement()).isEqualTo(
                new RecordingEvidence.Judgement("licence", "Apache-2.0", "must"));
    }

    @Test
    void licenceExpressionsAreJudgedTermByTerm() {
        assertThat(licenceStatus("Apache-2.0 AND MIT")).isEqualTo("passed");
        assertThat(licenceStatus("LicenseRef-NVIDIA-Open-Model-License OR Apache-2.0")).isEqualTo("passed");
        assertThat(licenceStatus("LicenseRef-NVIDIA-Open-Model-License AND Apache-2.0")).isEqualTo("failed");
        assertThat(licenceStatus("(Apache-2.0 OR MIT)")).isEqualTo("broken");
    }

    private static String licenceStatus(String licence) {
        Candidate base = candidate("qwen3-30b-a3b");
        Facts f = base.facts();
        Facts changed = new Facts(f.architecture(), f.totalParametersB(), f.activeParametersB(), f.moe(),
                f.quantization(), licence, f.contextLength(), f.modalities(), f.unconfirmed(), f.notes());
        return StaticOutcome.licence(withFacts(base, changed), requirements).status();
    }

    @Test
    void quantizationOutsideTheListFailsAndNvfp4IsNice() {
        Candidate base = candidate("qwen3-30b-a3b");
        Facts f = base.facts();
        Facts bf16 = new Facts(f.architecture(), f.totalParametersB(), f.activeParametersB(), f.moe(),
                "BF16", f.license(), f.contextLength(), f.modalities(), f.unconfirmed(), f.notes());

        StaticOutcome outcome = StaticOutcome.quantization(withFacts(base, bf16), requirements);

        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.message()).isEqualTo("quantization BF16 is not one of NVFP4, FP8, GPTQ, AWQ (must-have)");
        assertThat(StaticOutcome.quantization(candidate("llama-4-scout"), requirements).level()).isEqualTo("nice");
    }

    @Test
    void anArchitectureVllmDoesNotServeFailsWithTheListNamed() {
        Candidate base = candidate("mistral-small-3.2-24b");
        Facts f = base.facts();
        Facts unknown = new Facts("Mistral9ForTimeTravel", f.totalParametersB(), f.activeParametersB(), f.moe(),
                f.quantization(), f.license(), f.contextLength(), f.modalities(), f.unconfirmed(), f.notes());

        StaticOutcome outcome = StaticOutcome.architecture(withFacts(base, unknown), requirements);

        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.evidence().judgement())
                .isEqualTo(new RecordingEvidence.Judgement("architecture", "Mistral9ForTimeTravel", "none"));
        assertThat(outcome.evidence().notes()).singleElement().asString()
                .contains("Mistral9ForTimeTravel is not among the", "architectures vLLM 0.20.0 serves",
                        "dev/modelgate/vllm/architectures.yaml");
    }

    @Test
    void theDeclaredContextIsJudgedAgainstTheMustHave() {
        StaticOutcome qwen = StaticOutcome.context(candidate("qwen3-30b-a3b"), requirements);

        assertThat(qwen.status()).isEqualTo("failed");
        assertThat(qwen.evidence().judgement().value()).isEqualTo(40960.0);
        assertThat(qwen.evidence().notes()).anyMatch(n -> n.contains("models/qwen3-30b-a3b.yaml"));
    }

    @Test
    void anAdHocCandidateSkipsEveryStaticTestWithTheReason() {
        Candidate adHoc = Candidate.adHoc("someorg/some-model");

        for (StaticOutcome outcome : List.of(StaticOutcome.licence(adHoc, requirements),
                StaticOutcome.quantization(adHoc, requirements), StaticOutcome.architecture(adHoc, requirements),
                StaticOutcome.context(adHoc, requirements))) {
            assertThat(outcome.status()).isEqualTo("skipped");
            assertThat(outcome.message()).startsWith("ad-hoc candidate 'someorg/some-model' has no candidate file");
            assertThat(outcome.evidence().judgements()).isEmpty();
        }
    }

    @Test
    void aCandidateFileWithoutTheFactIsBrokenNotPassed() {
        Candidate base = candidate("gemma-4-e4b");
        Candidate noFacts = withFacts(base, Facts.UNKNOWN);

        StaticOutcome outcome = StaticOutcome.licence(noFacts, requirements);

        assertThat(outcome.status()).isEqualTo("broken");
        assertThat(outcome.message()).isEqualTo("models/gemma-4-e4b.yaml declares no facts.license, so the licence"
                + " requirement cannot be judged; add facts.license to it");
    }

    @Test
    void anUnconfirmedFactIsJudgedAndSaysSo() {
        StaticOutcome outcome = StaticOutcome.licence(candidate("gemma-4-26b-a4b"), requirements);

        assertThat(outcome.status()).isEqualTo("passed");
        assertThat(outcome.evidence().notes()).containsExactly("facts.license is marked unconfirmed in"
                + " models/gemma-4-26b-a4b.yaml; judged as declared (-Dmodelgate.preflight=true compares it with"
                + " the Hugging Face Hub)");
    }

    @Test
    void everyStaticTestIsTaggedBoundToARequirementAndNeedsNoRunningModel() {
        List<Method> methods = Arrays.stream(StaticRequirementTests.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).toList();

        assertThat(methods).extracting(Method::getName)
                .containsExactlyInAnyOrder("licence", "quantization", "architecture", "context", "weights");
        for (Method m : methods) {
            assertThat(m.getAnnotation(Tag.class).value()).isEqualTo("static");
            assertThat(requirements.get(m.getAnnotation(Requirement.class).value())).isPresent();
            assertThat(m.getAnnotation(Order.class).value()).isBetween(100, 199);
            assertThat(m.getParameterTypes()).containsExactly(Candidate.class, Evidence.class);
        }
    }

    static Candidate withFacts(Candidate c, Facts facts) {
        return new Candidate(c.id(), c.name(), c.baseline(), c.tags(), c.huggingFace(), c.engine(),
                c.bootTimeoutSeconds(), facts, c.stability(), c.declared(),
                Optional.of(c.source().orElse(Path.of(c.id() + ".yaml"))));
    }
}
