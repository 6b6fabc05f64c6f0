package dev.modelgate.qualification;

import dev.modelgate.Evidence;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.testing.RecordingEvidence;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The static requirement tests as a plain test class with a fixed candidate. Its name does not end
 * in Test, so Surefire does not pick it up, and it is disabled until a test sets the candidate:
 * {@link StaticTagSelectionTest} runs it through the engine test kit with tag filters.
 */
@ExtendWith(StaticRequirementsFixture.Resolver.class)
@EnabledIf("configured")
class StaticRequirementsFixture implements StaticRequirementTests {

    static volatile Candidate candidate;
    static volatile Requirements requirements;

    static boolean configured() {
        return candidate != null && requirements != null;
    }

    /** Supplies the fixed candidate and a recording evidence for the method's requirement. */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Candidate.class || type == Evidence.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (parameter.getParameter().getType() == Candidate.class) {
                return candidate;
            }
            String id = context.getRequiredTestMethod().getAnnotation(Requirement.class).value();
            return new RecordingEvidence(candidate, requirements.require(id));
        }
    }
}
