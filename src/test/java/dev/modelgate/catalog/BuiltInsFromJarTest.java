package dev.modelgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.cases.QualityCases;
import dev.modelgate.engine.llamacpp.GgufLocator;
import dev.modelgate.measure.PerformancePrompts;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-ins as a team gets them: inside modelgate's jar, on a class loader that has nothing
 * else. The jar is built here from the built-in resources, without directory entries (as some
 * tools write jars), and every reader finds in it what it finds in the directory.
 */
class BuiltInsFromJarTest {

    private static final Settings NONE = Settings.ofMap(Map.of());

    @TempDir
    static Path tmp;

    private static Path jar;

    @BeforeAll
    static void buildJar() throws IOException {
        Path classes = Path.of(BuiltInsFromJarTest.class.getClassLoader()
                .getResource(ResourceDirs.BUILTIN_ROOT + "requirements.yaml").getPath()).getParent();
        Path root = classes.getParent().getParent().getParent();
        jar = tmp.resolve("modelgate.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    @Test
    void theCatalogueCasesAndPromptsOfTheJarAreThoseOfTheDirectory() throws Exception {
        Catalog fromDirectory = CatalogLoader.load(NONE, new Problems());
        QualityCases casesFromDirectory = QualityCases.load(NONE);

        Problems problems = new Problems();
        Catalog fromJar = withClassPath(List.of(jar), () -> CatalogLoader.load(NONE, problems));
        QualityCases casesFromJar = withClassPath(List.of(jar), () -> QualityCases.load(NONE));
        Problems promptProblems = new Problems();
        withClassPath(List.of(jar), () -> PerformancePrompts.load(NONE, promptProblems));

        assertThat(problems.list()).isEmpty();
        assertThat(promptProblems.list()).isEmpty();
        assertThat(fromJar.candidates().keySet()).containsExactlyElementsOf(fromDirectory.candidates().keySet())
                .contains("stories-260k", fromDirectory.requirements().baseline());
        assertThat(fromJar.requirements().requirements().keySet())
                .containsExactlyElementsOf(fromDirectory.requirements().requirements().keySet());
        assertThat(fromJar.candidate("stories-260k").orElseThrow().source().orElseThrow().getFileSystem())
                .isNotEqualTo(FileSystems.getDefault());
        assertThat(casesFromJar.toolCalling()).hasSameSizeAs(casesFromDirectory.toolCalling()).isNotEmpty();
        assertThat(casesFromJar.entities()).hasSameSizeAs(casesFromDirectory.entities()).isNotEmpty();
        assertThat(casesFromJar.kannadaEntities()).hasSameSizeAs(casesFromDirectory.kannadaEntities());
        assertThat(casesFromJar.kannadaNative()).hasSameSizeAs(casesFromDirectory.kannadaNative());
        assertThat(casesFromJar.vision()).hasSameSizeAs(casesFromDirectory.vision()).isNotEmpty();
    }

    @Test
    void aTeamsClassPathRootOverridesABuiltInCandidateById() throws Exception {
        Path team = Files.createDirectories(tmp.resolve("team/models"));
        Files.writeString(team.resolve("gemma-4-e4b.yaml"), "name: Our own Gemma\nengine: {type: external}\n");
        Files.writeString(team.resolve("ours.yaml"), "name: Ours\nengine: {type: external}\n");

        Problems problems = new Problems();
        Catalog catalog = withClassPath(List.of(team.getParent(), jar), () -> CatalogLoader.load(NONE, problems));

        assertThat(problems.list()).isEmpty();
        assertThat(catalog.candidate("gemma-4-e4b").orElseThrow().name()).isEqualTo("Our own Gemma");
        assertThat(catalog.candidate("ours")).isPresent();
        assertThat(catalog.candidate("stories-260k")).isPresent();
    }

    @Test
    void aTeamsTableOnTheClassPathReplacesTheBuiltInOneWithItsOwnBaseline() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("team-table"));
        Files.createDirectories(root.resolve("models"));
        Files.writeString(root.resolve("models/ours.yaml"), "name: Ours\nengine: {type: external}\n");
        Files.writeString(root.resolve("requirements.yaml"),
                "baseline: ours\nrequirements:\n  greeting: {unit: ratio, must: \">= 1\"}\n");

        Problems problems = new Problems();
        Catalog catalog = withClassPath(List.of(root, jar), () -> CatalogLoader.load(NONE, problems));

        assertThat(problems.list()).isEmpty();
        assertThat(catalog.requirements().requirements()).containsOnlyKeys("greeting");
        assertThat(catalog.baseline().map(Candidate::id)).contains("ours");
        assertThat(catalog.candidates().values()).filteredOn(Candidate::baseline).isEmpty();
    }

    @Test
    void theDefaultModelsWeightsAreCopiedOutOfTheJar() throws Exception {
        Candidate tiny = withClassPath(List.of(jar), () -> CatalogLoader.load(NONE, new Problems()))
                .candidate("stories-260k").orElseThrow();
        GgufLocator locator = new GgufLocator(tmp.resolve("cache"), "http://127.0.0.1:9", Optional.empty(), line -> { });

        Path gguf = locator.locate(tiny);

        assertThat(gguf.getFileSystem()).isEqualTo(FileSystems.getDefault());
        assertThat(gguf).startsWith(tmp.resolve("cache"));
        assertThat(GgufLocator.sha256Of(gguf)).isEqualTo(tiny.engine().sha256());
    }

    @Test
    void withoutTheJarThereAreNoBuiltIns() throws Exception {
        Problems problems = new Problems();
        withClassPath(List.of(), () -> CatalogLoader.load(NONE, problems));

        assertThat(ResourceDirs.class.getClassLoader().getResource(ResourceDirs.BUILTIN_ROOT)).isNotNull();
        assertThat(problems.list()).extracting(Problem::message)
                .anyMatch(m -> m.contains("no requirement table"));
    }

    /** Runs {@code body} with a fresh class loader of {@code entries} (and the platform's) as the context loader. */
    private static <T> T withClassPath(List<Path> entries, Callable<T> body) throws Exception {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = entries.get(i).toUri().toURL();
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            return body.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
