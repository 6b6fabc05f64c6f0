package dev.modelgate.qualification;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.modelgate.catalog.BuiltInCatalogue;
import dev.modelgate.catalog.Candidate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What {@code -Dgroups=static} does: Surefire hands {@code groups} to the JUnit Platform as a tag
 * expression, so only the tests tagged {@code static} run, each with its requirement's outcome.
 */
class StaticTagSelectionTest {

    @AfterEach
    void reset() {
        StaticRequirementsFixture.candidate = null;
        StaticRequirementsFixture.requirements = null;
    }

    private static void use(String id) {
        StaticRequirementsFixture.candidate = BuiltInCatalogue.candidate(id);
        StaticRequirementsFixture.requirements = BuiltInCatalogue.get().requirements();
    }

    private static EngineTestKit.Builder fixture() {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(StaticRequirementsFixture.class));
    }

    @Test
    void theStaticTagSelectsTheFiveStaticTestsAndLlamaFourScoutFailsTheLicenceAndTheWeights() {
        use("llama-4-scout");

        fixture().filters(TagFilter.includeTags("static"))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(5).succeeded(3).failed(2).aborted(0));
    }

    @Test
    void excludingTheStaticTagLeavesNothingOfThem() {
        use("gemma-4-e4b");

        fixture().filters(TagFilter.excludeTags("static"))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(0));
    }

    @Test
    void anAdHocCandidateIsSkippedNotFailed() {
        use("gemma-4-e4b");
        StaticRequirementsFixture.candidate = Candidate.adHoc("org/unknown-model");

        fixture().filters(TagFilter.includeTags("static"))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(5).aborted(5).failed(0));
    }
}
