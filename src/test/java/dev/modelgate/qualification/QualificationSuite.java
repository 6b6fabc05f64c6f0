package dev.modelgate.qualification;

import dev.modelgate.Qualification;

/**
 * The qualification suite users run: {@code mvn test -Dmodel=<id>}. Every requirement test comes
 * from the interfaces it implements; a team can compose its own suite the same way.
 */
@Qualification
class QualificationSuite implements StaticRequirementTests, ServingRequirementTests, PerformanceRequirementTests,
        MemoryRequirementTests, QualityRequirementTests {
}
