package dev.modelgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.modelgate.verdict.ResultFixture;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The report a person opens: runs the verdict class with Allure's JUnit listener into a temporary
 * results directory, generates the HTML report with the Allure command line from Maven Central,
 * serves it on loopback and reads it in headless Chromium; then runs again and checks that the
 * report's history was carried into the results, so the next report shows the trend.
 */
class AllureReportBrowserTest {

    private static final String VERDICT_CLASS = "dev.modelgate.qualification.SwapVerdictTests";

    @TempDir
    Path tmp;

    @Test
    void theOverviewShowsEveryCandidatesVerdictAndTheHistoryCarriesOver() throws Exception {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find(tmp, System.getenv("PATH"));
        Optional<AllureCommandline> allure = AllureCommandline.find();
        requireOrSkip(chromium.isPresent(), "no Chromium on the PATH (Debian: apt-get install chromium)", System.getenv());
        requireOrSkip(allure.isPresent(), "no Allure command line in " + AllureCommandline.UNPACKED
                + " (mvn generate-test-resources unpacks it)", System.getenv());

        Path results = tmp.resolve("allure-results");
        Path report = tmp.resolve("allure-report"); // beside the results: where the next run finds its history
        qualify(results);
        allure.get().generate(results, report);
        assertThat(Files.readString(report.resolve("index.html"))).doesNotContain("googletagmanager");

        try (StaticFileServer server = new StaticFileServer(report)) {
            String overview = chromium.get().dumpDom(server.uri() + "index.html", 10_000);
            assertThat(overview).contains("Environment")
                    .contains("verdict.gemma-4-26b-a4b").contains("swap: score 0.785 (+29.8 %)")
                    .contains("verdict.qwen3-30b-a3b").contains("disqualified: score 0.950 (+57 %)")
                    .contains("verdict.llama-3-8b").contains("no swap: score 0.585 (-3.3 %)")
                    .contains("Must-have miss").contains("Swap not recommended");

            String behaviors = chromium.get().dumpDom(server.uri() + "index.html#behaviors", 10_000);
            assertThat(behaviors).contains("qualification");

            Path png = Path.of("target", "report-overview.png");
            chromium.get().screenshot(server.uri() + "index.html", png, 1400, 1000, 10_000);
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }

        qualify(results); // the next run carries the report's history into the results, for the trend
        assertThat(results.resolve("history/history.json"))
                .hasSameTextualContentAs(report.resolve("history/history.json"));
    }

    @Test
    void withoutChromiumTheTestIsSkippedWithTheReasonButFailsUnderCi() {
        assertThat(HeadlessChromium.find(tmp, tmp.toString())).isEmpty();
        assertThatThrownBy(() -> requireOrSkip(false, "no Chromium on the PATH", Map.of()))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no Chromium on the PATH");
        assertThatThrownBy(() -> requireOrSkip(false, "no Chromium on the PATH", Map.of("CI", "true")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("no Chromium on the PATH — required under CI=true");
    }

    /** Runs the verdict class over three candidates and the declared baseline, Allure listening. */
    private void qualify(Path results) {
        Path modelgate = ResultFixture.threeCandidatesRun(tmp.resolve("modelgate"));
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle);
        try {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle)).build());
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(VERDICT_CLASS))
                    .configurationParameters(Map.of("model", "gemma-4-26b-a4b,qwen3-30b-a3b,llama-3-8b",
                            "modelgate.results", modelgate.toString(),
                            "modelgate.allureResults", results.toString()))
                    .build();
            launcher.execute(request);
        } finally {
            Allure.setLifecycle(previous);
        }
    }

    /** Outside CI a missing tool skips with the reason; under CI=true it fails, so the check cannot vanish. */
    static void requireOrSkip(boolean present, String reason, Map<String, String> env) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            throw new AssertionFailedError(reason + " — required under CI=true");
        }
        Assumptions.abort(reason);
    }
}
