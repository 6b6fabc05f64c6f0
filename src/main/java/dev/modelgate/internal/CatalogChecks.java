package dev.modelgate.internal;

import dev.modelgate.cases.QualityCases;
import dev.modelgate.measure.PerformancePrompts;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;

/**
 * Validation of everything besides candidates and requirements that must be checked before any
 * boot: the case files of every suite (performance prompts and quality cases).
 */
final class CatalogChecks {

    private CatalogChecks() {
    }

    static void run(Settings settings, Problems problems) {
        PerformancePrompts.load(settings, problems);
        QualityCases.load(settings, problems);
    }
}
