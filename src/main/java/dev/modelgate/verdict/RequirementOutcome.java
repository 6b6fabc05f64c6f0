package dev.modelgate.verdict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One entry of {@code requirements} in a result file: the judgement a test recorded (label, value,
 * thresholds, level, message) and how the test ended (status, test, error, fault). Entries are
 * built in steps, so every field may be absent ({@code null}); {@link #updatedBy} merges a step in.
 *
 * @param value the judged figure: a number, or text for a set or rule (licence, architecture)
 * @param must  the must-have as messages show it ({@code "> 90 %"}); absent when there is none
 * @param error the simple name of the exception that broke the test (not for failures)
 * @param fault the fault kind the error counts as ({@code serverErrors}, {@code timeouts}, …)
 * @param ci95  the figure's 95 % interval, where an entry carries its own (else it is on the metric)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"label", "value", "unit", "must", "nice", "level", "message", "status", "test", "error", "fault"})
public record RequirementOutcome(String label, Object value, String unit, String must, String nice, Level level,
                                 String message, Status status, String test, String error, String fault,
                                 List<Double> ci95) {

    /** What a judgement records; the status follows when the test ends. */
    public static RequirementOutcome judged(String label, Object value, String unit, String must, String nice,
                                            Level level, String message) {
        return new RequirementOutcome(label, value, unit, must, nice, level, message, null, null, null, null, null);
    }

    /** A reason alone (a test that skips records why before it ends). */
    public static RequirementOutcome reason(String message) {
        return new RequirementOutcome(null, null, null, null, null, null, message, null, null, null, null, null);
    }

    /** How test {@code test} ended; {@code error} and {@code fault} only for a broken test. */
    public static RequirementOutcome ended(Status status, String test, String message, String error, String fault) {
        return new RequirementOutcome(null, null, null, null, null, null, message, status, test, error, fault, null);
    }

    /** This entry with every field {@code newer} has replaced by it. */
    public RequirementOutcome updatedBy(RequirementOutcome newer) {
        return new RequirementOutcome(or(newer.label, label), or(newer.value, value), or(newer.unit, unit),
                or(newer.must, must), or(newer.nice, nice), or(newer.level, level), or(newer.message, message),
                or(newer.status, status), or(newer.test, test), or(newer.error, error), or(newer.fault, fault),
                or(newer.ci95, ci95));
    }

    /** Whether the entry records a conclusion: passed or failed. */
    @JsonIgnore
    public boolean decisive() {
        return status != null && status.decisive();
    }

    /** The judged value as a number, if it is one. */
    @JsonIgnore
    public java.util.OptionalDouble number() {
        return value instanceof Number n ? java.util.OptionalDouble.of(n.doubleValue()) : java.util.OptionalDouble.empty();
    }

    /** The message, or {@code ""}. */
    @JsonIgnore
    public String messageOrEmpty() {
        return message == null ? "" : message;
    }

    private static <T> T or(T newer, T older) {
        return newer != null ? newer : older;
    }
}
