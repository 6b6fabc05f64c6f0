package dev.modelgate;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.RequirementSpec;

/**
 * What a requirement test records about the candidate: figures for the result file, attachments
 * for the report, and the judgement against the requirement's thresholds. One per test.
 *
 * <p>{@code judge…} methods record the requirement's value and level in the result file. A miss of
 * the must-have throws an {@link AssertionError} (the test fails) whose message names the figure,
 * the threshold and "(must-have)"; a miss of the nice-to-have only is shown in the report and
 * does not fail the test.
 */
public interface Evidence {

    /** The candidate under test. */
    Candidate candidate();

    /** The requirement this test judges (from its {@link Requirement} annotation). */
    RequirementSpec requirement();

    /**
     * Records a figure under {@code metrics.<name>} in the result file. {@code value} is anything
     * Jackson can write: a number, a map, a record, a list.
     */
    void metric(String name, Object value);

    /**
     * Records the outcome of every case of a quality requirement under {@code cases.<requirement id>}
     * in the result file (case set fingerprint, per-case status and reason), so that two result files
     * that ran the same cases can be compared case by case.
     */
    void caseOutcomes(Object outcomes);

    /**
     * Judges a numeric figure against the requirement's comparisons.
     *
     * @param label how the figure is named in messages, e.g. {@code "TTFT p50"}
     */
    void judge(String label, double value);

    /** Judges a value (licence id, quantization method) against the requirement's allowed sets. */
    void judgeMember(String label, String value);

    /**
     * Judges a named rule (architecture {@code vllm-supported}, {@code moe}) whose outcome the test
     * computed: {@code mustMet}/{@code niceMet} are {@code null} when that side has no threshold.
     */
    void judgeRule(String label, String value, Boolean mustMet, Boolean niceMet);

    /** Attaches text to the report (request bodies, raw answers, CSV). Secrets are redacted. */
    void attach(String name, String mediaType, String extension, String content);

    /** Attaches bytes to the report (images, charts). */
    void attach(String name, String mediaType, String extension, byte[] content);

    /** A line in the report under this test (a step), e.g. how a figure was obtained. */
    void note(String text);

    /**
     * Ends the test as skipped with {@code reason} (e.g. a static fact that is unknown for an
     * ad-hoc candidate); recorded as skipped in the result file.
     */
    void skip(String reason);
}
