package dev.modelgate.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * A tool-calling case: the conversation and tools sent to the model, and the calls it must make.
 *
 * @param request       the request body without the model: {@code messages}, {@code tools},
 *                      {@code tool_choice}, {@code max_tokens}, {@code temperature}
 * @param expectedCalls the calls to make, in any order; empty when no tool applies
 * @param toolNames     the names of the tools offered
 */
public record ToolCallingCase(CaseFile source, String description, ObjectNode request, List<ExpectedCall> expectedCalls,
                              TextNormalization normalization, Set<String> toolNames) {

    public ToolCallingCase {
        expectedCalls = List.copyOf(expectedCalls);
        toolNames = Set.copyOf(toolNames);
    }

    public String id() {
        return source.id();
    }

    /** Whether a correct answer makes no call at all. */
    public boolean expectsNoCall() {
        return expectedCalls.isEmpty();
    }
}
