package dev.modelgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.measure.SvgCharts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both kinds of chart write names with markup characters as text, never as markup. */
class SvgEscapeTest {

    private static final String NAME = "a<b & \"c\">";
    private static final String ESCAPED = "a&lt;b &amp; &quot;c&quot;&gt;";

    @Test
    void escapesTheFourMarkupCharactersOnce() {
        assertThat(SvgCharts.escape(NAME)).isEqualTo(ESCAPED);
        assertThat(SvgCharts.escape("&amp;")).isEqualTo("&amp;amp;");
        assertThat(SvgCharts.escape(null)).isEmpty();
    }

    @Test
    void barChartsAndDistributionsEscapeTheirTitles() {
        String bars = new SvgBarChart(NAME, "axis")
                .row(new SvgBarChart.Row(NAME, List.of(new SvgBarChart.Segment(NAME, 1.0, "#000000")), null, null, null))
                .render();
        String distribution = SvgCharts.distribution(NAME, "ms", List.of(1.0, 2.0), Map.of());

        assertThat(bars).contains(ESCAPED).doesNotContain(NAME);
        assertThat(distribution).contains(ESCAPED).doesNotContain(NAME);
    }
}
