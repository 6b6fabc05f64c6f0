package dev.modelgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML of docs/load-and-capacity.md: the first block is the built-in table's, the threshold block loads. */
class LoadAndCapacityDocTest {

    private static final Path DOC = Path.of("docs/load-and-capacity.md");

    @TempDir
    Path tmp;

    private static String block(int n) throws IOException {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        for (int i = 0; i < n; i++) {
            assertThat(m.find()).as("yaml block " + (i + 1) + " of " + DOC).isTrue();
        }
        return m.group(1);
    }

    @Test
    void theDocumentedBlocksAreTheBuiltInTables() throws IOException {
        String builtIn = Files.readString(ResourceDirs.builtin("requirements.yaml").orElseThrow());
        assertThat(builtIn).contains(block(1));
    }

    @Test
    void theDocumentedThresholdAndShareLoad() throws IOException {
        Path file = Files.writeString(tmp.resolve("requirements.yaml"), "baseline: nemotron-3-nano-30b-a3b-nvfp4\n"
                + block(1) + block(2) + block(3));
        Problems problems = new Problems();
        Requirements r = CatalogLoader.loadRequirements(file, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(r.require(Requirements.CAPACITY).must()).isPresent();
        assertThat(r.scoring("performance.capacityShare", 0)).isEqualTo(0.3);
    }
}
