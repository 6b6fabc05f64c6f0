package dev.modelgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VllmArchitecturesTest {

    private final VllmArchitectures vllm = VllmArchitectures.builtIn();

    @Test
    void theListNamesTheVllmReleaseItDescribes() {
        assertThat(vllm.vllmVersion()).isEqualTo("0.20.0");
        assertThat(vllm.names()).hasSizeGreaterThan(150);
    }

    @Test
    void membershipIsExactAsConfigJsonSpellsIt() {
        assertThat(vllm.supports("Qwen3MoeForCausalLM")).isTrue();
        assertThat(vllm.supports("Gemma4ForConditionalGeneration")).isTrue();
        assertThat(vllm.supports("qwen3moeforcausallm")).isFalse();
        assertThat(vllm.supports("Phi4MultimodalForCausalLM")).as("removed in vLLM 0.12.0").isFalse();
        assertThat(vllm.supports(null)).isFalse();
    }
}
