package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.catalog.Settings;
import dev.modelgate.docs.DocPages;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The table of built-in cases on the cases page ({@code docs/cases.md}) is what the case files hold: counted here from the loaded
 * cases, compared with the block between the two markers. On a change of the cases, paste the
 * block this test prints.
 */
class CaseCountsDocTest {

    static final String BEGIN = "<!-- built-in case counts (CaseCountsDocTest) -->\n";
    static final String END = "<!-- end of built-in case counts -->";

    @Test
    void theCasesPageTableCountsTheBuiltInCases() throws IOException {
        String doc = DocPages.read("cases.md");
        int from = doc.indexOf(BEGIN);
        int to = doc.indexOf(END);
        assertThat(from).as("the cases page has the block").isNotNegative();
        String expected = table(QualityCases.load(Settings.ofMap(Map.of())));
        assertThat(doc.substring(from + BEGIN.length(), to)).as("paste:\n" + expected).isEqualTo(expected);
    }

    static String table(QualityCases cases) {
        List<ToolCallingCase> tools = cases.toolCalling();
        int entities = count(cases.entities());
        int kannadaEntities = count(cases.kannadaEntities());
        StringBuilder out = new StringBuilder("| suite | cases | of which |\n|---|---|---|\n");
        out.append("| `tool-calling` | ").append(tools.size()).append(" | ")
                .append(tally(tools.stream().map(ToolCallingCase::category))).append(" |\n");
        out.append("| `entities` | ").append(cases.entities().size()).append(" texts | ").append(entities)
                .append(" expected entities (").append(persons(cases.entities())).append(" persons, ")
                .append(entities - persons(cases.entities())).append(" places); ")
                .append(cases.entities().stream().filter(c -> c.persons().isEmpty() && c.places().isEmpty()).count())
                .append(" texts name none |\n");
        out.append("| `kannada` | ").append(cases.kannadaEntities().size() + cases.kannadaNative().size())
                .append(" | ").append(cases.kannadaEntities().size()).append(" entity texts (").append(kannadaEntities)
                .append(" expected entities), ").append(cases.kannadaNative().size()).append(" native-response questions |\n");
        out.append("| `vision` | ").append(cases.vision().size()).append(" images | ")
                .append(tally(cases.vision().stream().flatMap(c -> c.tags().stream()))).append(" |\n");
        out.append("\nTool-calling cases by tag: ")
                .append(tally(tools.stream().flatMap(c -> c.tags().stream()))).append(".\n");
        return out.toString();
    }

    private static int count(Collection<EntityCase> cases) {
        return cases.stream().mapToInt(c -> c.persons().size() + c.places().size()).sum();
    }

    private static int persons(Collection<EntityCase> cases) {
        return cases.stream().mapToInt(c -> c.persons().size()).sum();
    }

    /** "a 3, b 2, …", most frequent first, then by name. */
    private static String tally(Stream<String> labels) {
        Map<String, Long> counts = labels.collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
