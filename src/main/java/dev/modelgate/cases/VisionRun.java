package dev.modelgate.cases;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.YamlDocuments;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.Completion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Asks every vision question with its image as an OpenAI {@code image_url} data URL and grades the
 * answer's keywords. A server that refuses images answers HTTP 400; those cases end without an
 * answer and {@link SuiteOutcome#allRefused()} tells the suite.
 */
public final class VisionRun {

    private VisionRun() {
    }

    public static SuiteOutcome run(ChatClient client, List<VisionCase> cases, int concurrency) {
        return run(client, cases, concurrency, 1);
    }

    /** Every case {@code repeats} times. */
    public static SuiteOutcome run(ChatClient client, List<VisionCase> cases, int concurrency, int repeats) {
        return new SuiteOutcome(CaseExecutor.repeat(cases, repeats, concurrency, c -> one(client, c)), repeats);
    }

    static CaseOutcome one(ChatClient client, VisionCase c) {
        byte[] image;
        try {
            image = Files.readAllBytes(c.image());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image of " + c.source().displayName(), e);
        }
        String dataUrl = "data:" + c.mediaType() + ";base64," + Base64.getEncoder().encodeToString(image);
        ObjectNode message = YamlDocuments.JSON.createObjectNode().put("role", "user");
        ArrayNode content = message.putArray("content");
        content.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl);
        content.addObject().put("type", "text").put("text", c.question());
        ChatRequest request = ChatRequest.create().message(message).maxTokens(c.maxTokens()).temperature(c.temperature());

        List<String> details = new ArrayList<>();
        details.add("case: " + c.source().displayName());
        if (c.description() != null) {
            details.add("about: " + c.description());
        }
        details.add("question: " + c.question());
        details.add("expected: " + expectation(c));
        String extension = c.mediaType().equals("image/png") ? ".png" : ".jpg";
        List<CaseOutcome.Attachment> attachments = List.of(new CaseOutcome.Attachment("image", c.mediaType(), extension,
                image));
        Exchanges.Exchange exchange = Exchanges.send(client, request);
        String shownRequest = exchange.requestJson().replace(dataUrl, "data:" + c.mediaType() + ";base64,… ("
                + image.length + " bytes, attached as image)");
        if (exchange.error().isPresent()) {
            CaseOutcome failed = Exchanges.failure(c.id(), shownRequest, exchange.error().get(), details);
            return new CaseOutcome(failed.caseId(), failed.status(), failed.summary(), failed.details(),
                    failed.request(), failed.response(), failed.error(), attachments);
        }
        Completion answer = exchange.completion().orElseThrow();
        AnswerVerdict verdict = AnswerVerdict.vision(c, answer.content());
        details.add(verdict.passed() ? "passed" : "FAILED:");
        verdict.reasons().forEach(r -> details.add("- " + r));
        return new CaseOutcome(c.id(), verdict.passed() ? CaseOutcome.Status.PASSED : CaseOutcome.Status.FAILED,
                verdict.passed() ? "passed" : String.join("; ", verdict.reasons()), details, shownRequest,
                Exchanges.response(answer), Optional.empty(), attachments);
    }

    private static String expectation(VisionCase c) {
        List<String> parts = new ArrayList<>();
        if (!c.keywords().isEmpty()) {
            parts.add("all of " + String.join(", ", c.keywords().stream().map(KeyPhrases::describe).toList()));
        }
        if (!c.oneOf().isEmpty()) {
            parts.add("one of " + KeyPhrases.describe(c.oneOf()));
        }
        if (!c.forbidden().isEmpty()) {
            parts.add("none of " + KeyPhrases.describe(c.forbidden()));
        }
        return String.join("; ", parts);
    }
}
