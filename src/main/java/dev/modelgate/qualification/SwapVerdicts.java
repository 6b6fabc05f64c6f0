package dev.modelgate.qualification;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The swap verdict, one test per candidate of the run, named {@code "swap verdict vs <baseline>"}.
 * Implement it in a class that runs after the qualification suite. JUnit orders top-level classes
 * only by the build's configuration ({@code junit.jupiter.testclass.order.default}), so a build
 * that does not set it keeps both in one class, where {@code @TestClassOrder} orders them:
 * <pre>{@code
 * @TestClassOrder(ClassOrderer.OrderAnnotation.class)
 * class VoiceQualification {
 *     @Nested @Order(1) @Qualification class Candidates implements StaticRequirementTests { }
 *     @Nested @Order(2) class Verdict implements SwapVerdicts { }
 * }
 * }</pre>
 * (This project's own suite orders top-level classes by {@code @Order} in its junit-platform.properties
 * and puts its verdict class last with {@code @Order(Integer.MAX_VALUE)}.) It reads the run's
 * {@code run.json} and result files, writes {@code verdict.json}, {@code summary.md} and the Allure
 * run files, and reports each candidate:
 * <ul>
 *   <li>swap recommended: passed;</li>
 *   <li>a must-have missed ("disqualified: …"): failed, under either gate;</li>
 *   <li>no swap (score short of the threshold) or a must-have not established (broken, skipped,
 *       unmeasured; no result; no baseline figures): failed under {@code -Dmodelgate.gate=swap},
 *       aborted (shown as skipped, with the reason) under the default {@code must};</li>
 *   <li>the baseline itself: aborted ("is the baseline").</li>
 * </ul>
 * With {@code -Dmodelgate.merge=<dir>[,<dir>…]} (and no {@code -Dmodel}) it judges the results of
 * earlier runs instead, gathered into this build's results directory, and merges their Allure results.
 * Without either it runs nothing and fails nothing.
 */
@ExtendWith(SwapVerdictExtension.class)
public interface SwapVerdicts {

    @TestFactory
    default Stream<DynamicNode> swapVerdicts(VerdictRun run) {
        return run.tests();
    }
}
