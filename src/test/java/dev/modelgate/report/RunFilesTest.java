package dev.modelgate.report;

import dev.modelgate.verdict.ResultFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The run files of the Allure results and the SVG charts. */
class RunFilesTest {

    @TempDir
    Path tmp;

    @Test
    void executorJsonOnlyUnderCiWithTheBuildOfGithubActions() throws Exception {
        assertThat(ExecutorInfo.fromEnvironment(Map.of())).isEmpty();
        assertThat(ExecutorInfo.fromEnvironment(Map.of("CI", "false"))).isEmpty();

        JsonNode github = ResultFiles.JSON.readTree(ExecutorInfo.fromEnvironment(Map.of("CI", "true",
                "GITHUB_ACTIONS", "true", "GITHUB_WORKFLOW", "qualify", "GITHUB_RUN_NUMBER", "42",
                "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "team/models", "GITHUB_RUN_ID", "9001"))
                .orElseThrow());
        assertThat(github.path("type").asText()).isEqualTo("github");
        assertThat(github.path("buildName").asText()).isEqualTo("qualify #42");
        assertThat(github.path("buildOrder").asLong()).isEqualTo(42);
        assertThat(github.path("buildUrl").asText()).isEqualTo("https://github.com/team/models/actions/runs/9001");

        JsonNode plain = ResultFiles.JSON.readTree(ExecutorInfo.fromEnvironment(Map.of("CI", "true")).orElseThrow());
        assertThat(plain.path("name").asText()).isEqualTo("CI");
    }

    @Test
    void theNewestPreviousHistoryIsCarriedIntoTheResults() throws Exception {
        Path older = Files.createDirectories(tmp.resolve("allure-report/history"));
        Path newer = Files.createDirectories(tmp.resolve("target/site/allure-maven-plugin/history"));
        Files.writeString(older.resolve("history-trend.json"), "[{\"data\":{\"total\":1}}]");
        Files.writeString(newer.resolve("history-trend.json"), "[{\"data\":{\"total\":2}}]");
        Files.writeString(newer.resolve("history.json"), "{}");
        Files.setLastModifiedTime(older.resolve("history-trend.json"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer.resolve("history-trend.json"), FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
        Path results = tmp.resolve("allure-results");
        Files.createDirectories(results.resolve("history"));
        Files.writeString(results.resolve("history/stale.json"), "{}");

        Optional<Path> previous = AllureHistory.previous(AllureHistory.DEFAULT_REPORTS.stream().map(tmp::resolve).toList());
        AllureOutput.allure(results).carryHistory(previous.orElseThrow());

        assertThat(previous).contains(newer);
        assertThat(results.resolve("history/history-trend.json")).hasContent("[{\"data\":{\"total\":2}}]");
        assertThat(results.resolve("history/history.json")).exists();
        assertThat(results.resolve("history/stale.json")).doesNotExist();
    }

    @Test
    void theGpuAndDriverAreReadFromNvidiaSmi() throws Exception {
        // captured on an H200 host: nvidia-smi --query-gpu=name,driver_version --format=csv,noheader
        String one = new String(RunFilesTest.class.getResourceAsStream("/report/nvidia-smi-query-gpu.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(HostFacts.parseGpus(one).orElseThrow()).containsExactly("NVIDIA H200", "580.159.04");
        assertThat(HostFacts.parseGpus(one + one).orElseThrow()).containsExactly("NVIDIA H200 ×2", "580.159.04");
        assertThat(HostFacts.parseGpus("\n")).isEmpty();
    }

    @Test
    void environmentPropertiesSurviveAllureReadingThemAsLatin1() throws Exception {
        String text = EnvironmentProperties.render(Map.of("verdict.x", "swap: score 0.785 (+29.8 %) — ಕನ್ನಡ"));
        assertThat(text).isEqualTo(new String(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                java.nio.charset.StandardCharsets.US_ASCII));
        Properties p = new Properties();
        p.load(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertThat(p.getProperty("verdict.x")).isEqualTo("swap: score 0.785 (+29.8 %) — ಕನ್ನಡ");
    }

    @Test
    void barsAreDrawnToScaleInAValidSvgDocument() throws Exception {
        SvgBarChart chart = new SvgBarChart("TTFT <p50>", "ms")
                .row(new SvgBarChart.Row("base", List.of(new SvgBarChart.Segment("p50", 100, "#aaa")), null, null, "100"))
                .row(new SvgBarChart.Row("cand & co", List.of(new SvgBarChart.Segment("p50", 50, "#00f")), 50.0, 80.0, "50"))
                .row(new SvgBarChart.Row("none", List.of(), null, null, "not measured"))
                .line(new SvgBarChart.Line(150, "must < 150 ms", "#f00"));

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(chart.render())));

        NodeList rects = svg.getElementsByTagName("rect");
        // background + two bars (the third row has nothing measured)
        assertThat(rects.getLength()).isEqualTo(3);
        double base = Double.parseDouble(((Element) rects.item(1)).getAttribute("width"));
        double cand = Double.parseDouble(((Element) rects.item(2)).getAttribute("width"));
        assertThat(cand / base).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.01));
        assertThat(svg.getDocumentElement().getTextContent()).contains("TTFT <p50>", "cand & co", "not measured",
                "must < 150 ms");
    }
}
