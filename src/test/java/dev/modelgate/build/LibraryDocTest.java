package dev.modelgate.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/library.md shows what is built and tested: the dependency snippet is this project's
 * coordinates and the consumer example's dependency, the llama snippet is the optional
 * dependency's version, and every file it shows is the example's file, word for word.
 */
class LibraryDocTest {

    private static final Path DOC = Path.of("docs/library.md");
    private static final Pattern XML = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern FILE = Pattern.compile("<!-- file: (\\S+) -->\\n```\\w+\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theDependencySnippetIsThisProjectAndTheExamplesDependency() throws IOException {
        String snippet = snippets().get(0);
        String pom = Files.readString(Path.of("pom.xml"));
        String coordinates = "<dependency><groupId>" + first(pom, "groupId") + "</groupId><artifactId>"
                + first(pom, "artifactId") + "</artifactId><version>" + first(pom, "version")
                + "</version><scope>test</scope></dependency>";

        assertThat(flat(snippet)).isEqualTo(coordinates).isEqualTo("<dependency><groupId>dev.modelgate</groupId>"
                + "<artifactId>modelgate</artifactId><version>0.1.0-SNAPSHOT</version><scope>test</scope></dependency>");
        String consumer = flat(Files.readString(Path.of("examples/consumer/pom.xml")));
        assertThat(consumer).contains(coordinates);
        assertThat(snippet).isEqualTo("""
                <dependency>
                  <groupId>dev.modelgate</groupId>
                  <artifactId>modelgate</artifactId>
                  <version>0.1.0-SNAPSHOT</version>
                  <scope>test</scope>
                </dependency>
                """);
    }

    @Test
    void theLlamaSnippetIsTheOptionalDependencysVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String version = first(pom, "llama.version");

        assertThat(flat(snippets().get(1))).isEqualTo("<dependency><groupId>de.kherud</groupId><artifactId>llama"
                + "</artifactId><version>" + version + "</version><scope>test</scope></dependency>");
    }

    @Test
    void everyFileShownIsTheExamplesFile() throws IOException {
        Matcher m = FILE.matcher(Files.readString(DOC));
        int shown = 0;
        while (m.find()) {
            shown++;
            assertThat(m.group(2)).as(m.group(1)).isEqualTo(Files.readString(Path.of(m.group(1))));
        }
        assertThat(shown).as("files shown").isGreaterThanOrEqualTo(4);
    }

    private static java.util.List<String> snippets() throws IOException {
        return XML.matcher(Files.readString(DOC)).results().map(r -> r.group(1)).toList();
    }

    /** The first element {@code name} of the document: in this pom, the project's own. */
    private static String first(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(xml);
        assertThat(m.find()).as("<" + name + "> in the pom").isTrue();
        return m.group(1);
    }

    private static String flat(String xml) {
        return xml.replaceAll(">\\s+<", "><").strip();
    }
}
