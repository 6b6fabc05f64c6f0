package dev.modelgate.report;

import dev.modelgate.catalog.Settings;
import java.nio.file.Path;

/**
 * What the verdict puts into the Allure results: files of the whole run (environment, categories,
 * executor, history) in the results directory, and attachments, steps and placement of the test
 * running now. The Allure implementation ({@link #allure(Path)}) does nothing for the per-test
 * calls when no test is running.
 */
public interface AllureOutput extends Report {

    /** Where Allure's results go: {@code modelgate.allureResults}, else {@code allure.results.directory}, else {@code allure-results}. */
    String RESULTS_SETTING = "modelgate.allureResults";

    Path resultsDir();

    /** Writes (replaces) a file directly in the results directory, e.g. {@code categories.json}. */
    void writeResultsFile(String name, byte[] content);

    /**
     * Replaces {@code history/} in the results directory with a copy of a previous report's
     * {@code history/} folder, so the next report shows trends.
     */
    void carryHistory(Path previousHistory);




    /** The Allure implementation writing into {@code resultsDir}. */
    static AllureOutput allure(Path resultsDir) {
        return new AllureResultsOutput(resultsDir);
    }

    /** The results directory of these settings (see {@link #RESULTS_SETTING}). */
    static Path resultsDir(Settings settings) {
        return Path.of(settings.get(RESULTS_SETTING).orElseGet(() -> {
            String dir = System.getProperty("allure.results.directory");
            return dir == null || dir.isBlank() ? "allure-results" : dir;
        }));
    }
}
