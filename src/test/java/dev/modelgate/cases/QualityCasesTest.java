package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.catalog.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modelgate.cases} adds cases and overrides built-in ones by id. */
class QualityCasesTest {

    @TempDir
    Path extra;

    @Test
    void anExtraCaseWithABuiltInIdReplacesItAndNewIdsAreAdded() throws IOException {
        Files.createDirectories(extra.resolve("tool-calling"));
        Files.writeString(extra.resolve("tool-calling/no-tool-joke.yaml"), """
                description: our own version of the built-in case
                messages: [{role: user, content: Tell me a joke about tigers.}]
                tools:
                  - type: function
                    function: {name: set_timer, parameters: {type: object, properties: {seconds: {type: integer}}}}
                expect: {noCall: true}
                """);
        Files.writeString(extra.resolve("tool-calling/our-timer.yaml"), """
                messages: [{role: user, content: Timer for one minute.}]
                tools:
                  - type: function
                    function: {name: set_timer, parameters: {type: object, properties: {seconds: {type: integer}}}}
                expect:
                  calls: [{name: set_timer, arguments: {seconds: 60}}]
                """);
        Files.createDirectories(extra.resolve("performance"));
        Files.writeString(extra.resolve("performance/not-ours.yaml"), "prompt: read by the performance suite\n");

        QualityCases builtIn = QualityCases.load(Settings.ofMap(Map.of()));
        QualityCases merged = QualityCases.load(Settings.ofMap(Map.of(Settings.CASES, extra.toString())));

        assertThat(merged.toolCalling()).hasSize(builtIn.toolCalling().size() + 1);
        ToolCallingCase joke = merged.toolCalling().stream().filter(c -> c.id().equals("no-tool-joke")).findFirst()
                .orElseThrow();
        assertThat(joke.description()).isEqualTo("our own version of the built-in case");
        assertThat(joke.source().displayName()).isEqualTo(extra + "/tool-calling/no-tool-joke.yaml");
        assertThat(merged.toolCalling()).extracting(ToolCallingCase::id).contains("our-timer", "set-timer-minutes");
        assertThat(merged.entities()).hasSameSizeAs(builtIn.entities());
    }

    @Test
    void aJpegImageIsSentAsJpegAndALinkOutOfTheCasesDirectoryIsRefused(@TempDir Path outside) throws IOException {
        Path vision = Files.createDirectories(extra.resolve("vision"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "jpg", vision.resolve("photo.jpg").toFile());
        Files.writeString(vision.resolve("photo.yaml"), """
                image: photo.jpg
                question: What colour is the picture?
                expect: {keywords: [black]}
                """);
        Path secret = Files.copy(vision.resolve("photo.jpg"), outside.resolve("secret.jpg"));
        Files.createSymbolicLink(vision.resolve("linked.jpg"), secret);
        Files.writeString(vision.resolve("linked.yaml"), """
                image: linked.jpg
                question: What is this?
                expect: {keywords: [secret]}
                """);
        dev.modelgate.catalog.Problems problems = new dev.modelgate.catalog.Problems();
        QualityCases cases = QualityCases.load(Settings.ofMap(Map.of(Settings.CASES, extra.toString())), problems);

        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(extra + "/vision/linked.yaml");
            assertThat(p.message()).isEqualTo("'linked.jpg' is a link that leads outside the cases directory; copy"
                    + " the image into it");
        });
        assertThat(cases.vision()).filteredOn(c -> c.id().equals("photo")).singleElement()
                .satisfies(c -> assertThat(c.mediaType()).isEqualTo("image/jpeg"));
    }
}
