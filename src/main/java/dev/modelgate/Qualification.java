package dev.modelgate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Marks a qualification suite: the class runs once per candidate selected with {@code -Dmodel}
 * (ids, {@code all} or {@code tag:<tag>}). Each run boots the candidate at most once (lazily, at
 * the first test that needs a running model), runs every {@link Requirement} test against it in
 * {@link org.junit.jupiter.api.Order} order, and stops it. Without {@code -Dmodel} the suite runs
 * nothing and fails nothing.
 *
 * <p>Candidates run one after another; with {@code -Dmodelgate.parallel=N} and JUnit's parallel
 * execution on, up to N candidates served elsewhere run at once, while every {@link Requirement}
 * test of one candidate keeps its order on one thread, and a server on this machine runs alone.
 *
 * <p>Before the first boot every candidate file, the requirement table and every case file are
 * validated; all problems are reported together and nothing boots.
 *
 * <p>Test methods may declare parameters of these types: {@link dev.modelgate.catalog.Candidate},
 * {@link dev.modelgate.catalog.Requirements}, {@link Evidence}, and, which boots the model,
 * {@link dev.modelgate.engine.RunningModel} and {@link dev.modelgate.client.ChatClient}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ClassTemplate
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(QualificationExtension.class)
@Execution(ExecutionMode.CONCURRENT)
public @interface Qualification {
}
