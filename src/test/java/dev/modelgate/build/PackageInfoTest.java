package dev.modelgate.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of the library says what it is and whether a team may use it. */
class PackageInfoTest {

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void everyPackageHasAPackageInfoThatDrawsTheApiLine() throws IOException {
        List<Path> packages;
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            packages = dirs.filter(Files::isDirectory).filter(PackageInfoTest::holdsJava).toList();
        }
        assertThat(packages).hasSizeGreaterThan(10);
        assertThat(packages).allSatisfy(dir -> {
            Path info = dir.resolve("package-info.java");
            assertThat(info).exists();
            String text = Files.readString(info);
            assertThat(text).as(info + " says API or Internal")
                    .containsAnyOf("<p><b>API</b>: ", "<p><b>Internal</b>: ");
            assertThat(text).as(info + " names its package")
                    .contains("package " + MAIN.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), ".") + ";");
        });
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
