package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.catalog.ResourceDirs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class VisionImagesTest {

    @Test
    void committedImagesArePixelIdenticalToAFreshRender() throws IOException {
        Path dir = ResourceDirs.builtin("cases").orElseThrow().resolve("vision");
        for (Map.Entry<String, BufferedImage> e : VisionImages.renderAll().entrySet()) {
            Path file = dir.resolve(e.getKey());
            assertThat(file).as("committed image " + e.getKey()).exists();
            BufferedImage committed = ImageIO.read(file.toFile());
            BufferedImage fresh = e.getValue();
            assertThat(committed.getWidth()).as(e.getKey() + " width").isEqualTo(fresh.getWidth());
            assertThat(committed.getHeight()).as(e.getKey() + " height").isEqualTo(fresh.getHeight());
            int[] a = committed.getRGB(0, 0, fresh.getWidth(), fresh.getHeight(), null, 0, fresh.getWidth());
            int[] b = fresh.getRGB(0, 0, fresh.getWidth(), fresh.getHeight(), null, 0, fresh.getWidth());
            assertThat(a).as(e.getKey() + " differs from a fresh render: run VisionImages.main to write the images"
                    + " again, and check that they still show what the vision cases ask about").isEqualTo(b);
        }
    }

    @Test
    void everyImageHasACaseAndEveryCaseImageIsGenerated() throws IOException {
        Path dir = ResourceDirs.builtin("cases").orElseThrow().resolve("vision");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")))
                    .containsExactlyInAnyOrderElementsOf(VisionImages.renderAll().keySet());
        }
    }

    @Test
    void theFontRefusesACharacterItCannotDraw() {
        BufferedImage image = new BufferedImage(200, 20, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        assertThatThrownBy(() -> PixelFont.draw(g, "price: 5 €", 0, 0, 1))
                .hasMessageContaining("no glyph for '€'");
        g.dispose();
        assertThat(PixelFont.width("AB", 2)).isEqualTo(22);
    }

    @Test
    void theKannadaGlyphsDrawTheirSyllablesAndRefuseOthers() {
        BufferedImage image = new BufferedImage(400, 60, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        KannadaGlyphs.draw(g, "ನಿರ್ಗಮನ", 0, 0, 1);
        assertThat(KannadaGlyphs.width("ನಿರ್ಗಮನ", 2)).isEqualTo((13 + 20 + 22 + 13 + 3 * 2) * 2);
        assertThatThrownBy(() -> KannadaGlyphs.draw(g, "ಸೂರು", 0, 0, 1))
                .hasMessageContaining("no Kannada glyph for 'ಸೂರು' in \"ಸೂರು\"");
        g.dispose();
    }
}
