package dev.modelgate.catalog.preflight;

import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Hub survey as a command: {@code mvn test -Dgroups=survey -Dmodelgate.survey=<file>}. Writes
 * {@code <modelgate.results>/survey/survey.md} and a draft candidate file per new checkpoint under
 * {@code survey/drafts/}, and prints the table. Without {@code modelgate.survey} it does not run.
 */
@Tag("survey")
@EnabledIfSystemProperty(named = Settings.SURVEY, matches = ".+")
class HubSurveyCommandTests {

    @Test
    void survey() {
        Settings settings = Settings.of(key -> Optional.ofNullable(System.getProperty(key)));
        Problems problems = new Problems();
        Catalog catalog = CatalogLoader.load(settings, problems);
        problems.throwIfAny();
        Path file = Path.of(settings.get(Settings.SURVEY).orElseThrow());
        SurveyReport report = HubSurvey.fromSettings(settings).run(file, catalog);
        Path table = report.write(settings.resultsDir().resolve("survey"));
        System.out.println(report.render());
        System.out.println("Survey written to " + table.toAbsolutePath() + " (drafts beside it in drafts/)");
    }
}
