package dev.modelgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -Dmodel=all}, {@code -Dmodel=tag:<tag>} and id lists on the real catalogue. */
class CatalogSelectionTest {

    private final Catalog catalog = BuiltInCatalogue.get();

    private List<String> ids(String selection) {
        return catalog.select(selection).stream().map(Candidate::id).toList();
    }

    @Test
    void allSelectsEveryCandidateOnceInIdOrder() {
        assertThat(ids("all")).containsExactly(
                "gemma-4-26b-a4b", "gemma-4-26b-a4b-fp8", "gemma-4-26b-a4b-nvfp4-redhat", "gemma-4-31b",
                "gemma-4-e4b", "gpt-oss-20b", "llama-4-scout", "ministral-3-14b", "mistral-small-3.2-24b",
                "nemotron-3-nano-30b-a3b-nvfp4", "nemotron-3-nano-omni-30b-a3b", "phi-4-multimodal", "qwen3-30b-a3b",
                "qwen3-vl-30b-a3b", "qwen3.6-35b-a3b", "stories-260k");
        assertThat(ids("ALL, all")).hasSize(16);
    }

    @Test
    void tagVisionSelectsTheCandidatesThatTakeImages() {
        assertThat(ids("tag:vision")).containsExactly(
                "gemma-4-26b-a4b", "gemma-4-26b-a4b-fp8", "gemma-4-26b-a4b-nvfp4-redhat", "gemma-4-31b",
                "gemma-4-e4b", "llama-4-scout", "ministral-3-14b", "mistral-small-3.2-24b",
                "nemotron-3-nano-omni-30b-a3b", "phi-4-multimodal", "qwen3-vl-30b-a3b", "qwen3.6-35b-a3b");
        assertThat(ids("tag:Vision")).isEqualTo(ids("tag:vision"));
    }

    @Test
    void tagsAndIdsCombineWithoutDuplicates() {
        assertThat(ids("tag:audio, gemma-4-e4b, qwen3-30b-a3b"))
                .containsExactly("gemma-4-e4b", "nemotron-3-nano-omni-30b-a3b", "phi-4-multimodal", "qwen3-30b-a3b");
        assertThat(ids("tag:baseline")).containsExactly("nemotron-3-nano-30b-a3b-nvfp4");
    }

    @Test
    void anUnknownTagIsAConfigurationErrorListingTheTagsInUse() {
        assertThatThrownBy(() -> catalog.select("tag:visoin"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("no candidate has the tag 'visoin'")
                .hasMessageContaining("audio, baseline, cpu, default, dense, fp8, gguf, moe, nvfp4, tiny, vision");
    }

    @Test
    void anIdWithoutAFileBecomesAnAdHocCandidate() {
        List<Candidate> selected = catalog.select("Qwen/Qwen3-8B");

        assertThat(selected).singleElement().satisfies(c -> {
            assertThat(c.adHoc()).isTrue();
            assertThat(c.modelReference()).isEqualTo("Qwen/Qwen3-8B");
        });
    }
}
