package dev.modelgate.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code history/} folder of the previous Allure report, so that it can be copied into
 * the results before the next report is generated and Allure shows trends. Allure writes it into
 * every report it generates: {@code allure-report/history} for {@code allure generate},
 * {@code target/site/allure-maven-plugin/history} for {@code mvn allure:report}.
 */
public final class AllureHistory {

    /** Where previous reports are looked for, relative to the project directory. */
    public static final List<String> DEFAULT_REPORTS = List.of("allure-report", "target/site/allure-maven-plugin");

    private AllureHistory() {
    }

    /** The newest {@code history/} among the report directories (by the age of its trend file). */
    public static Optional<Path> previous(List<Path> reportDirs) {
        return reportDirs.stream()
                .map(d -> d.resolve("history"))
                .filter(h -> Files.isRegularFile(h.resolve("history.json")) || Files.isRegularFile(h.resolve("history-trend.json")))
                .max(Comparator.comparing(AllureHistory::modified));
    }

    private static FileTime modified(Path history) {
        try {
            Path f = Files.isRegularFile(history.resolve("history-trend.json")) ? history.resolve("history-trend.json")
                    : history.resolve("history.json");
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
