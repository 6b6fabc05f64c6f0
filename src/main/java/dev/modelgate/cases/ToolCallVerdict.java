package dev.modelgate.cases;

import java.util.List;

/**
 * How one answer of a tool-calling case was graded.
 *
 * @param reasons why it failed; empty when it passed
 */
record ToolCallVerdict(Grade grade, List<String> reasons) {

    public ToolCallVerdict {
        reasons = List.copyOf(reasons);
    }

    /** Passed, wrong, or wrong because the answer could not be parsed (counted apart). */
    public enum Grade { PASSED, FAILED, UNPARSED }

    public boolean passed() {
        return grade == Grade.PASSED;
    }

    public boolean unparsed() {
        return grade == Grade.UNPARSED;
    }

    static ToolCallVerdict pass() {
        return new ToolCallVerdict(Grade.PASSED, List.of());
    }

    static ToolCallVerdict fail(List<String> reasons) {
        return new ToolCallVerdict(Grade.FAILED, reasons);
    }

    static ToolCallVerdict unparsed(List<String> reasons) {
        return new ToolCallVerdict(Grade.UNPARSED, reasons);
    }
}
