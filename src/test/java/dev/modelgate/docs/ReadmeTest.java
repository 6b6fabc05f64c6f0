package dev.modelgate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README stays short and true: at most 12 KiB, its commands those CI runs, its dependency
 * snippet the coordinates the POM builds, its requirement table the one of the metrics page, and
 * every page under {@code docs/} linked from it, each page linking back.
 */
class ReadmeTest {

    private static final int MAX_BYTES = 12_288;

    @Test
    void theReadmeIsAtMost12KiB() throws IOException {
        assertThat(Files.size(DocPages.README)).as("README.md in bytes; move details into a docs page")
                .isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void theQuickStartRunsTheTestCommandThatCiRuns() throws IOException {
        List<String> ci = Files.readAllLines(Path.of(".ci/run")).stream().map(String::strip)
                .filter(l -> l.startsWith("mvn ")).toList();
        assertThat(ci).as("the test command of .ci/run").containsExactly("mvn -B verify");
        String quickStart = section(DocPages.read("README.md"), "## Quick start");
        assertThat(quickStart).contains("\nmvn -B verify\n")
                .contains("\nmvn -B test -Dmodel=stories-260k -Dmaven.test.failure.ignore=true\n")
                .contains("\nmvn allure:report ");
    }

    @Test
    void theDependencySnippetNamesWhatThePomBuilds() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String project = pom.substring(0, pom.indexOf("<dependencies>"));
        String snippet = "<dependency>\n"
                + "  <groupId>" + tag(project, "groupId") + "</groupId>\n"
                + "  <artifactId>" + tag(project, "artifactId") + "</artifactId>\n"
                + "  <version>" + tag(project, "version") + "</version>\n"
                + "  <scope>test</scope>\n"
                + "</dependency>\n";
        assertThat(DocPages.read("README.md")).contains("```xml\n" + snippet + "```");
    }

    @Test
    void theLlamaCppBindingIsNamedWithTheVersionThePomUses() throws IOException {
        Matcher m = Pattern.compile("<groupId>de\\.kherud</groupId>\\s*<artifactId>llama</artifactId>\\s*"
                + "<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).as("the POM names de.kherud:llama").isTrue();
        String version = m.group(1);
        Matcher property = Pattern.compile("\\$\\{([^}]+)}").matcher(version);
        if (property.matches()) {
            Matcher declared = Pattern.compile("<" + Pattern.quote(property.group(1)) + ">([^<]+)</")
                    .matcher(Files.readString(Path.of("pom.xml")));
            assertThat(declared.find()).as("the POM declares " + version).isTrue();
            version = declared.group(1);
        }
        assertThat(DocPages.read("README.md")).contains("`de.kherud:llama` " + version);
    }

    @Test
    void theRequirementTableIsTheOneOfTheMetricsPage() {
        String table = "| requirement | must-have | nice-to-have |";
        String readme = DocPages.read("README.md");
        String metrics = DocPages.read("metrics.md");
        assertThat(tableAt(readme, table)).isEqualTo(tableAt(metrics, table)).contains("| `vram` ");
    }

    @Test
    void everyPageIsLinkedFromTheReadmeAndLinksBack() {
        String readme = DocPages.read("README.md");
        for (Path page : DocPages.all().subList(1, DocPages.all().size())) {
            assertThat(readme).as("README links " + page).contains("](docs/" + page.getFileName() + ")");
            String top = DocPages.read(page).lines().limit(5).reduce("", (a, b) -> a + b + "\n");
            assertThat(top).as("the top of " + page).startsWith("# ").contains("](../README.md)");
        }
    }

    /** From a heading to the next heading of the same level. */
    private static String section(String doc, String heading) {
        int from = doc.indexOf(heading + "\n");
        assertThat(from).as(heading).isNotNegative();
        int to = doc.indexOf("\n## ", from + heading.length());
        return doc.substring(from, to < 0 ? doc.length() : to + 1);
    }

    /** The table that starts with {@code header}, to its last row. */
    private static String tableAt(String doc, String header) {
        int from = doc.indexOf(header);
        assertThat(from).as(header).isNotNegative();
        int to = doc.indexOf("\n\n", from);
        return doc.substring(from, to);
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}
