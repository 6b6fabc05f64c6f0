package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.catalog.ResourceDirs;
import dev.modelgate.docs.DocPages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples of the case formats on the cases page ({@code docs/cases.md}) are the real case files, word for word. */
class CaseDocsTest {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: cases/(\\S+) -->\\n```yaml\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void everyExampleIsACopyOfABuiltInCase() throws IOException {
        String doc = DocPages.read("cases.md");
        Path cases = ResourceDirs.builtin("cases").orElseThrow();
        Matcher m = EXAMPLE.matcher(doc);
        int examples = 0;
        while (m.find()) {
            examples++;
            assertThat(m.group(2)).as("example " + m.group(1)).isEqualTo(Files.readString(cases.resolve(m.group(1))));
        }
        assertThat(examples).as("examples, at least one per suite").isGreaterThanOrEqualTo(4);
    }
}
