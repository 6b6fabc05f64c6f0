package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped default candidate states what its file really is, and candidate files are checked before boot. */
class DefaultCandidateTest {

    @TempDir
    Path dir;

    @Test
    void declaresWhatTheShippedFileIs() throws IOException {
        Candidate candidate = TinyModel.candidate();
        Path gguf = candidate.source().orElseThrow().getParent().resolve(candidate.engine().gguf()).normalize();
        GgufFile header = GgufFile.read(gguf);

        assertThat(candidate.engine().type()).isEqualTo("llamacpp");
        assertThat(GgufLocator.sha256Of(gguf)).isEqualTo(candidate.engine().sha256());
        assertThat(candidate.facts().quantization()).isEqualTo(header.quantization()).isEqualTo("F32");
        assertThat(candidate.facts().contextLength()).isEqualTo(header.trainedContextLength().getAsInt());
        assertThat(candidate.engine().contextLength()).isEqualTo(header.trainedContextLength().getAsInt());
        assertThat(candidate.facts().modalities()).containsExactly("text");
        assertThat(candidate.facts().license()).isEqualTo("MIT");
        assertThat(gguf.resolveSibling("stories260K.LICENSE")).content().startsWith("MIT License");
        assertThat(gguf.resolveSibling("README.md")).content().contains(candidate.engine().sha256());
    }

    @Test
    void aHubReferenceWithoutChecksumIsRejectedBeforeAnythingBoots() throws IOException {
        Files.writeString(dir.resolve("mine.yaml"), """
                name: Mine
                engine:
                  type: llamacpp
                  gguf: hf://acme/tiny-GGUF/tiny-Q4_K_M.gguf
                """);
        Problems problems = new Problems();

        CatalogLoader.loadCandidates(dir, "models/", new HashMap<>(), problems);

        assertThat(problems.list()).singleElement().satisfies(p -> assertThat(p.toString()).contains("models/mine.yaml")
                .contains("sha256"));
    }
}
