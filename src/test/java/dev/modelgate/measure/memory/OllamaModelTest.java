package dev.modelgate.measure.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OllamaModelTest {

    @Test
    void documentationExampleGivesSizesInBytesAndContext() {
        List<OllamaModel> models = OllamaModel.parse(Fixtures.text("ollama/api-ps-docs-example.json"));

        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("gemma3");
            assertThat(m.sizeBytes()).isEqualTo(6_591_830_464L);
            assertThat(m.sizeVramBytes()).isEqualTo(5_333_539_264L);
            assertThat(m.contextLength()).hasValue(4096);
            assertThat(m.is("gemma3:latest")).isTrue();
        });
    }

    @Test
    void olderAnswersHaveNoContextLength() {
        List<OllamaModel> models = OllamaModel.parse(Fixtures.text("ollama/api-ps-two-models-no-context.json"));

        assertThat(models).extracting(OllamaModel::name).containsExactly("nomic-embed-text:latest", "qwen3:30b-a3b");
        assertThat(models).allSatisfy(m -> assertThat(m.contextLength()).isEmpty());
        assertThat(models.get(0).is("nomic-embed-text")).isTrue();
        assertThat(models.get(1).is("qwen3:30b")).isFalse();
    }

    @Test
    void emptyAndMalformedAnswers() {
        assertThat(OllamaModel.parse(Fixtures.text("ollama/api-ps-empty.json"))).isEmpty();
        assertThatThrownBy(() -> OllamaModel.parse("{\"error\":\"not found\"}"))
                .hasMessageContaining("has no \"models\" array");
    }
}
