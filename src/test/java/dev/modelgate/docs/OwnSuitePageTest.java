package dev.modelgate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The suite class on the own-suite page ({@code docs/own-suite.md}) is the project's own
 * {@code QualificationSuite}, word for word; the page's requirement example is checked, and run,
 * by {@code OwnRequirementTest}.
 */
class OwnSuitePageTest {

    private static final Path SUITE = Path.of("src/test/java/dev/modelgate/qualification/QualificationSuite.java");

    @Test
    void theSuiteOnThePageIsTheSuiteUsersRun() throws IOException {
        String source = Files.readString(SUITE);
        String suite = source.substring(source.indexOf("@Qualification\n"));
        assertThat(DocPages.read("own-suite.md")).contains("```java\n" + suite + "```");
    }
}
