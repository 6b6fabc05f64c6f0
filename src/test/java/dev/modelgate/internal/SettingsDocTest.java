package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.docs.DocPages;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The settings page's table ({@code docs/settings.md}, "Every setting") lists exactly the settings
 * the settings check knows: a new setting cannot go undocumented, nor a removed one stay listed.
 */
class SettingsDocTest {

    private static final Pattern CELL = Pattern.compile("`(model|modelgate\\.[A-Za-z.]+)`");

    @Test
    void theSettingsTableListsEverySettingTheCheckKnowsAndNoOther() {
        assertThat(documented()).isEqualTo(new TreeSet<>(SettingsCheck.RULES.keySet()));
    }

    /** The names in the first column of the table under "## Every setting". */
    private static Set<String> documented() {
        String page = DocPages.read("settings.md");
        int from = page.indexOf("\n## Every setting\n");
        assertThat(from).as("the settings page has the table").isNotNegative();
        int to = page.indexOf("\n## ", from + 1);
        Set<String> names = new TreeSet<>();
        for (String line : page.substring(from, to).split("\n")) {
            if (line.startsWith("| `")) {
                Matcher m = CELL.matcher(line.split("\\|")[1]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
