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
 * @param category      the kind of case ({@code simple}, {@code multiple}, {@code parallel},
 *                      {@code parallel-multiple}, {@code irrelevance}, {@code multi-turn},
 *                      {@code missing-argument}): as written, else derived from the case
 * @param tags          labels to report accuracy by
 */
public record ToolCallingCase(CaseFile source, String description, ObjectNode request, List<ExpectedCall> expectedCalls,
                              TextNormalization normalization, Set<String> toolNames, String category,
                              List<String> tags) {

    public ToolCallingCase {
        expectedCalls = List.copyOf(expectedCalls);
        toolNames = Set.copyOf(toolNames);
        tags = List.copyOf(tags);
    }

    public String id() {
        return source.id();
    }

    /** Whether a correct answer makes no call at all. */
    public boolean expectsNoCall() {
        return expectedCalls.isEmpty();
    }
}
