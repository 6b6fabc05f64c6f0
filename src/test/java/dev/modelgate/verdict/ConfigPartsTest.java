package dev.modelgate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each input of a result's configuration changes its own part, and only that one. */
class ConfigPartsTest {

    private static final Requirements TABLE = table();

    @Test
    void aDifferentSwapThresholdIsADifferenceInScoringOnly() {
        Requirements stricter = new Requirements(TABLE.baseline(), TABLE.swapThreshold() + 0.05, TABLE.weights(),
                TABLE.machine(), TABLE.sampling(), TABLE.requirements(), TABLE.scoring(), TABLE.source());

        assertThat(parts(stricter).differences(parts(TABLE), ConfigParts.SHARED)).containsExactly(ConfigParts.SCORING);
    }

    @Test
    void moreSamplesAreADifferenceInSamplingOnly() {
        Sampling s = TABLE.sampling();
        Requirements more = TABLE.withSampling(new Sampling(s.warmup(), s.samples() + 1, s.concurrency(), s.maxTokens(),
                s.requestTimeoutSeconds(), s.idleTimeoutSeconds()));

        assertThat(parts(more).differences(parts(TABLE), ConfigParts.SHARED)).containsExactly(ConfigParts.SAMPLING);
    }

    @Test
    void theTablesFileLocationIsNoDifference() {
        Requirements elsewhere = new Requirements(TABLE.baseline(), TABLE.swapThreshold(), TABLE.weights(),
                TABLE.machine(), TABLE.sampling(), TABLE.requirements(), TABLE.scoring(), "/other/checkout/requirements.yaml");

        assertThat(parts(elsewhere).differences(parts(TABLE), ConfigParts.SHARED)).isEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode result = ResultFiles.JSON.createObjectNode();
        result.set(ConfigParts.FIELD, parts(TABLE).toJson());
        assertThat(ConfigParts.of(ResultFiles.bind(result))).contains(parts(TABLE));
    }

    @Test
    void aResultWithoutPartsDiffersInEveryPart() {
        assertThat(new ConfigParts(Map.of()).differences(parts(TABLE), ConfigParts.SHARED))
                .containsExactlyElementsOf(ConfigParts.SHARED);
    }

    private static ConfigParts parts(Requirements table) {
        return ConfigParts.of("candidate-digest", "vllm 0.12.0", table, "cases-digest");
    }

    private static Requirements table() {
        Problems problems = new Problems();
        Requirements r = CatalogLoader.load(Settings.ofMap(Map.of()), problems).requirements();
        problems.throwIfAny();
        return r;
    }
}
