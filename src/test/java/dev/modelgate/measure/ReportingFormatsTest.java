package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The CSV and SVG attachments: well-formed, one row or tick per sample. */
class ReportingFormatsTest {

    private static Sample sample(int i, double ttft, String finish) {
        return new Sample("short", i, i, i + 10, OptionalDouble.of(ttft), 1.5, 300, 8, OptionalInt.of(8),
                OptionalDouble.of(49.9), List.of(20.0, 21.0), UsageCheck.OK, finish, 0, OptionalDouble.of(ttft),
                OptionalDouble.empty(), OptionalInt.empty(), List.of(1, 1, 1, 1, 1, 1, 1, 1), false);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static long count(Document doc, String tag, String cssClass) {
        NodeList nodes = doc.getElementsByTagName(tag);
        long n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            if (cssClass.equals(((Element) nodes.item(i)).getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerSampleWithQuotedText() {
        String csv = SamplesCsv.of(List.of(sample(0, 250.25, "stop"), sample(1, 251, "a, \"b\"")));

        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(SamplesCsv.HEADER);
        assertThat(lines[1]).startsWith("short,0,250.250,1.500,300.000,8,8,49.900,20.500,21.000,0.000,stop,ok,");
        assertThat(lines[2]).contains(",\"a, \"\"b\"\"\",");
    }

    @Test
    void theDistributionChartHasATickPerSampleAndTheMarkers() throws Exception {
        Map<String, Double> markers = new LinkedHashMap<>();
        markers.put("p50", 250.0);
        markers.put("must-have", 300.0);

        Document doc = parse(SvgCharts.distribution("TTFT <short>", "ms", List.of(249.0, 250.0, 251.0, 400.0), markers));

        assertThat(count(doc, "line", "sample")).isEqualTo(4);
        assertThat(count(doc, "line", "marker")).isEqualTo(2);
        assertThat(doc.getDocumentElement().getTextContent()).contains("TTFT <short> (n=4)", "must-have 300 ms");
    }

    @Test
    void theThroughputChartHasABarPerLevel() throws Exception {
        List<ConcurrencyLevel> levels = List.of(
                ConcurrencyLevel.of(1, List.of(sample(0, 250, "length")), 0, null, null),
                ConcurrencyLevel.of(4, List.of(sample(0, 250, "length"), sample(5, 250, "length")), 0, null, null));

        Document doc = parse(SvgCharts.throughput("tok/s", levels));

        assertThat(count(doc, "rect", "level")).isEqualTo(2);
        assertThat(doc.getDocumentElement().getTextContent()).contains("c=1", "c=4");
    }
}
