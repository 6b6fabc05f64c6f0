package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufFileTest {

    static final Path STORIES = Path.of("src/main/resources/dev/modelgate/builtin/gguf/stories260K.gguf");

    @TempDir
    Path dir;

    @Test
    void readsTheHeaderOfTheShippedModel() throws IOException {
        GgufFile gguf = GgufFile.read(STORIES);

        // Ground truth: what llama.cpp itself prints when it loads this file.
        assertThat(gguf.version()).isEqualTo(3);
        assertThat(gguf.metadata()).hasSize(19);
        assertThat(gguf.architecture()).hasValue("llama");
        assertThat(gguf.name()).hasValue("llama");
        assertThat(gguf.trainedContextLength()).hasValue(2048);
        assertThat(gguf.metadata()).containsEntry("llama.block_count", 5L).containsEntry("llama.embedding_length", 64L);
        assertThat(gguf.metadata().get("tokenizer.ggml.tokens")).isEqualTo(new GgufFile.SkippedArray(8, 512));
        assertThat(gguf.hasChatTemplate()).isFalse();
        assertThat(gguf.tensorTypes()).containsExactly(java.util.Map.entry("F32", 48));
        assertThat(gguf.quantization()).isEqualTo("F32");
    }

    @Test
    void saysWhenAFileIsNotGguf() throws IOException {
        Path text = Files.writeString(dir.resolve("model.gguf"), "not a model at all");

        assertThatThrownBy(() -> GgufFile.read(text)).isInstanceOf(IOException.class)
                .hasMessage("model.gguf is not a GGUF file (it does not start with the bytes 'GGUF')");
    }

    @Test
    void saysWhenAFileIsCutShort() throws IOException {
        byte[] all = Files.readAllBytes(STORIES);
        Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(all, 2000));

        assertThatThrownBy(() -> GgufFile.read(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("ends inside its GGUF header");
    }

    @Test
    void namesQuantizationFromTheFileTypeOrTheTensors() {
        assertThat(GgufFile.fileTypeName(15)).isEqualTo("Q4_K_M");
        assertThat(new GgufFile(3, java.util.Map.of("general.file_type", 7L), java.util.Map.of()).quantization())
                .isEqualTo("Q8_0");
        assertThat(new GgufFile(3, java.util.Map.of(), java.util.Map.of("Q4_K", 120, "F32", 61, "Q6_K", 1))
                .quantization()).isEqualTo("mixed: Q4_K 120, F32 61, Q6_K 1");
    }
}
