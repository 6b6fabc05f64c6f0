package dev.modelgate.cases;

import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.Completion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Asks every Kannada question and grades the answer's script share and key facts. */
public final class NativeResponseRun {

    private NativeResponseRun() {
    }

    public static SuiteOutcome run(ChatClient client, List<NativeResponseCase> cases, int concurrency) {
        return run(client, cases, concurrency, 1);
    }

    /** Every case {@code repeats} times. */
    public static SuiteOutcome run(ChatClient client, List<NativeResponseCase> cases, int concurrency, int repeats) {
        return new SuiteOutcome(CaseExecutor.repeat(cases, repeats, concurrency, c -> one(client, c)), repeats);
    }

    static CaseOutcome one(ChatClient client, NativeResponseCase c) {
        ChatRequest request = ChatRequest.create();
        if (c.system() != null) {
            request.message("system", c.system());
        }
        request.message("user", c.question()).maxTokens(c.maxTokens()).temperature(c.temperature());
        List<String> details = new ArrayList<>();
        details.add("case: " + c.source().displayName());
        if (c.description() != null) {
            details.add("about: " + c.description());
        }
        details.add("key facts: " + String.join(", ", c.keyFacts().stream().map(KeyPhrases::describe).toList()));
        Exchanges.Exchange exchange = Exchanges.send(client, request);
        if (exchange.error().isPresent()) {
            return Exchanges.failure(c.id(), exchange.requestJson(), exchange.error().get(), details);
        }
        Completion answer = exchange.completion().orElseThrow();
        AnswerVerdict verdict = AnswerVerdict.nativeResponse(c, answer.content());
        details.add(String.format(Locale.ROOT, "Kannada script share: %.2f", KannadaScript.share(answer.content())));
        details.add(verdict.passed() ? "passed" : "FAILED:");
        verdict.reasons().forEach(r -> details.add("- " + r));
        return new CaseOutcome(c.id(), verdict.passed() ? CaseOutcome.Status.PASSED : CaseOutcome.Status.FAILED,
                verdict.passed() ? "passed" : String.join("; ", verdict.reasons()), details, exchange.requestJson(),
                Exchanges.response(answer), Optional.empty(), List.of());
    }
}
