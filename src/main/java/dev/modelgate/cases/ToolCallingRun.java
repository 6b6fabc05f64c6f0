package dev.modelgate.cases;

import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.Completion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sends every tool-calling case and grades the calls (see {@link ToolCallGrader}). */
public final class ToolCallingRun {

    private ToolCallingRun() {
    }

    public static SuiteOutcome run(ChatClient client, List<ToolCallingCase> cases, int concurrency) {
        return run(client, cases, concurrency, 1);
    }

    /** Every case {@code repeats} times. */
    public static SuiteOutcome run(ChatClient client, List<ToolCallingCase> cases, int concurrency, int repeats) {
        return new SuiteOutcome(CaseExecutor.repeat(cases, repeats, concurrency, c -> one(client, c)), repeats);
    }

    static CaseOutcome one(ChatClient client, ToolCallingCase c) {
        Exchanges.Exchange exchange = Exchanges.send(client, ChatRequest.of(c.request()));
        if (exchange.error().isPresent()) {
            return Exchanges.failure(c.id(), exchange.requestJson(), exchange.error().get(), header(c));
        }
        Completion answer = exchange.completion().orElseThrow();
        ToolCallVerdict verdict = ToolCallGrader.grade(c, answer.content(), answer.toolCalls());
        List<String> details = header(c);
        if (verdict.passed()) {
            details.add("passed");
        } else {
            details.add(verdict.unparsed() ? "UNPARSED (wrong, counted apart):" : "FAILED:");
            verdict.reasons().forEach(r -> details.add("- " + r));
        }
        CaseOutcome.Status status = verdict.passed() ? CaseOutcome.Status.PASSED
                : verdict.unparsed() ? CaseOutcome.Status.UNPARSED : CaseOutcome.Status.FAILED;
        String summary = verdict.passed() ? "passed" : String.join("; ", verdict.reasons());
        return new CaseOutcome(c.id(), status, summary, details, exchange.requestJson(), Exchanges.response(answer),
                Optional.empty(), List.of());
    }

    private static List<String> header(ToolCallingCase c) {
        List<String> lines = new ArrayList<>();
        lines.add("case: " + c.source().displayName());
        if (c.description() != null) {
            lines.add("about: " + c.description());
        }
        lines.add("expected: " + (c.expectsNoCall() ? "no tool call"
                : String.join(" and ", c.expectedCalls().stream().map(ExpectedCall::describe).toList())
                + (c.expectedCalls().size() > 1 ? " (in any order)" : "")));
        return lines;
    }
}
