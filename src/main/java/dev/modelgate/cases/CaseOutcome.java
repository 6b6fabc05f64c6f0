package dev.modelgate.cases;

import dev.modelgate.client.ServerError;
import java.util.List;
import java.util.Optional;

/**
 * What happened to one case: its verdict, the request sent and the model's answer as received,
 * ready to be shown as a report step.
 *
 * @param status   passed, failed, unparsed (wrong, and counted apart) or error (no answer)
 * @param summary  one line: why it failed, or {@code passed}
 * @param details  the verdict in full, line by line
 * @param request  the request body as JSON text (the image data shortened)
 * @param response the answer as JSON text (content, reasoning, tool calls with their raw arguments,
 *                 finish reason, usage), or the error
 * @param error    the error, when the server gave no answer
 */
public record CaseOutcome(String caseId, Status status, String summary, List<String> details, String request,
                          String response, Optional<RuntimeException> error, List<Attachment> attachments) {

    public CaseOutcome {
        details = List.copyOf(details);
        attachments = List.copyOf(attachments);
    }

    /** The grade of a case. */
    public enum Status { PASSED, FAILED, UNPARSED, ERROR }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /** Whether the server answered with HTTP 4xx: it refused this kind of request. */
    public boolean refused() {
        return error.filter(e -> e instanceof ServerError s && !s.midStream() && s.status() >= 400 && s.status() < 500)
                .isPresent();
    }

    /** An extra file for the report step (the image of a vision case). */
    public record Attachment(String name, String mediaType, String extension, byte[] content) {
    }
}
