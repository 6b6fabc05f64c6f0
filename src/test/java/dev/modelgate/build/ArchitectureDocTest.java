package dev.modelgate.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.Qualification;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/architecture.md against the code: the package map, its order, the example and the command. */
class ArchitectureDocTest {

    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern ROW = Pattern.compile("^\\| `(dev\\.modelgate[\\w.]*)` \\| (API|Internal) \\|", Pattern.MULTILINE);

    @Test
    void theMapListsEveryPackageOnTheSideItsPackageInfoSays() throws IOException {
        Map<String, String> table = table();
        Map<String, String> declared = new LinkedHashMap<>();
        try (Stream<Path> infos = Files.walk(MAIN)) {
            for (Path info : infos.filter(f -> f.endsWith("package-info.java")).toList()) {
                String name = MAIN.relativize(info.getParent()).toString().replace(info.getFileSystem().getSeparator(), ".");
                declared.put(name, Files.readString(info).contains("<p><b>API</b>: ") ? "API" : "Internal");
            }
        }
        assertThat(table).containsExactlyInAnyOrderEntriesOf(declared);
    }

    @Test
    void everyPackageDependsOnlyOnPackagesAboveItInTheMap() throws IOException, URISyntaxException {
        List<String> order = new ArrayList<>(table().keySet());
        List<String> downward = ClassReferences.in(mainClasses(), "dev.modelgate").stream()
                .filter(e -> !e.fromPackage().equals(e.toPackage()))
                .filter(e -> order.indexOf(e.toPackage()) >= order.indexOf(e.fromPackage()))
                .map(ClassEdge::toString).toList();
        assertThat(downward).as("references to a package not above the referring one in the map").isEmpty();
    }

    @Test
    void theExampleIsWhatTheTestPrintsAndTheCommandRunsIt() throws IOException {
        String doc = Files.readString(DOC);
        String example = PackageCycles.find(List.of(
                new ClassEdge("dev.modelgate.engine.Engines", "dev.modelgate.engine.docker.VllmDockerEngine", "jdeps"),
                new ClassEdge("dev.modelgate.engine.docker.VllmDockerEngine", "dev.modelgate.engine.Engine", "jdeps")))
                .get(0).describe();
        assertThat(doc).contains("```\n" + example + "\n```");
        assertThat(doc).contains("```\nmvn -o -q test -Dtest=" + PackageCyclesTest.class.getSimpleName()
                + " -Dsurefire.failIfNoSpecifiedTests=false\n```");
    }

    private static Map<String, String> table() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(DOC));
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        return rows;
    }

    private static Path mainClasses() throws URISyntaxException {
        return Path.of(Qualification.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
