package dev.modelgate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Binds a test method of a {@link Qualification} suite to one row of {@code requirements.yaml}.
 * The injected {@link Evidence} judges figures against that row's must-have and nice-to-have
 * thresholds; the outcome is written to the candidate's result file after the test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Execution(ExecutionMode.SAME_THREAD)
public @interface Requirement {

    /** The requirement id, a key under {@code requirements:} in {@code requirements.yaml}. */
    String value();
}
