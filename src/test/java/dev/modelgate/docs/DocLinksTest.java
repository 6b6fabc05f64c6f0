package dev.modelgate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the README and the pages under {@code docs/} leads to a file that exists,
 * and a link with {@code #anchor} to a heading of that page (anchors as GitHub writes them).
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

    @Test
    void everyRelativeLinkResolvesToAFileAndItsAnchorToAHeading() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : DocPages.all()) {
            for (String target : links(DocPages.read(page))) {
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto: and the like
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + ": " + target + " (no file " + resolved + ")");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(page + ": " + target + " (no heading with that anchor in " + resolved + ")");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
        assertThat(checked).as("relative links checked").isGreaterThan(30);
    }

    @Test
    void theAnchorOfAHeadingIsWrittenAsGithubWritesIt() {
        assertThat(anchor("`llamacpp`: your own GGUF files")).isEqualTo("llamacpp-your-own-gguf-files");
        assertThat(anchor("The server fails a request: HTTP 500, an error event, a malformed stream"))
                .isEqualTo("the-server-fails-a-request-http-500-an-error-event-a-malformed-stream");
        assertThat(anchor("You stop the run: Ctrl-C, SIGTERM, a cancelled CI job"))
                .isEqualTo("you-stop-the-run-ctrl-c-sigterm-a-cancelled-ci-job");
    }

    /** Link targets outside code: fenced blocks and inline code spans are left out. */
    static List<String> links(String markdown) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (fence) {
                continue;
            }
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The anchors of a page's headings; a repeated heading gets {@code -1}, {@code -2}, … */
    static Set<String> anchors(Path page) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fence = false;
        for (String line : DocPages.read(page).split("\n")) {
            if (line.startsWith("```")) {
                fence = !fence;
            }
            Matcher m = HEADING.matcher(line);
            if (!fence && m.matches()) {
                String a = anchor(m.group(1));
                int n = seen.merge(a, 1, Integer::sum);
                out.add(n == 1 ? a : a + "-" + (n - 1));
            }
        }
        return out;
    }

    /** GitHub's anchor: lower case, everything but letters, digits, spaces, {@code -} and {@code _} dropped, spaces as {@code -}. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
