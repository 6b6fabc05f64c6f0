package dev.modelgate.qualification;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The swap verdict, one test per candidate of the run, named {@code "swap verdict vs <baseline>"}.
 * Implement it in a class that runs after the qualification suite (order the class last, e.g.
 * {@code @Order(Integer.MAX_VALUE)} with {@code ClassOrderer.OrderAnnotation}). It reads the run's
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
