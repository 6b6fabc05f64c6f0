package dev.modelgate.report;

import dev.modelgate.verdict.ResultFiles;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code categories.json}: Allure's failure categories, as regular expressions over the messages
 * this project writes. Allure matches a category when the result's status is listed and the whole
 * status message matches the expression (dot matches newlines), so each expression is wrapped in
 * {@code .*…​.*}.
 */
public final class AllureCategories {

    /** One category: a name, the statuses it applies to, and the expression over the status message. */
    public record Category(String name, List<String> statuses, String messageRegex) {

        public boolean matches(String status, String message) {
            return statuses.contains(status) && message != null
                    && Pattern.compile(messageRegex, Pattern.DOTALL).matcher(message).matches();
        }
    }

    /** Evidence's must-have miss, "label value op threshold (must-have)", and the verdict's "disqualified: …". */
    public static final Category MUST_HAVE_MISS = new Category("Must-have miss", List.of("failed"),
            ".*\\(must-have\\).*");

    /** A nice-to-have miss: shown on the test (which passes), never failing. */
    public static final Category NICE_TO_HAVE_MISS = new Category("Nice-to-have miss",
            List.of("passed", "failed", "broken"), ".*\\(nice-to-have\\).*");

    /** BootFailure and Readiness messages: exit before ready, readiness timeout, not served, not installed, … */
    public static final Category BOOT_FAILURE = new Category("Engine failed to boot", List.of("broken", "failed", "skipped"),
            ".*(server exited with code -?\\d+ before it was ready"
                    + "|timed out after \\d+ s waiting for .* to return 200"
                    + "|does not serve '"
                    + "|refused the API key"
                    + "|interrupted while waiting for readiness"
                    + "|is not on the PATH"
                    + "|cannot start \\S+"
                    + "|engine 'external' needs a URL"
                    + "|engine '[^']*' is not available).*");

    /** ServerDied: the server was ready, then its process died (out of memory, a crashed engine core, …). */
    public static final Category SERVER_DIED = new Category("Server died", List.of("broken", "failed"),
            ".*the server (died during|is no longer running).*");

    /** ServerError with HTTP 5xx, or an error event in the middle of a stream: the server failed a request. */
    public static final Category SERVER_ERROR = new Category("Server error", List.of("broken", "failed"),
            ".*(HTTP 5\\d\\d\\b|server error mid-stream).*");

    /** ProtocolError messages of the client, and ServerErrors with HTTP 4xx where the test could not go on. */
    public static final Category PROTOCOL_ERROR = new Category("Protocol error", List.of("broken", "failed"),
            ".*(malformed stream event"
                    + "|stream event has neither choices nor usage"
                    + "|event after \\[DONE\\]"
                    + "|stream ended without data: \\[DONE\\]"
                    + "|expected an event stream"
                    + "|stream from \\S+ failed"
                    + "|connection to \\S+ failed"
                    + "|request to \\S+ failed"
                    + "|HTTP 4\\d\\d\\b).*");

    /** RequestTimeout messages: a stalled stream or a request over its limit. */
    public static final Category TIMEOUT = new Category("Timeout", List.of("broken", "failed"),
            ".*(stream stalled: no bytes from .* after [0-9.]+ s"
                    + "|did not finish after [0-9.]+ s"
                    + "|no answer from .* after [0-9.]+ s).*");

    /**
     * The verdict's "no swap": every must-have passed but the score falls short (skipped under
     * gate=must, failed under gate=swap). Disqualified and not-established verdicts have their own.
     */
    public static final Category NO_SWAP = new Category("Swap not recommended", List.of("skipped", "failed"),
            "(?!disqualified: |not established: ).*score [0-9.]+ vs baseline [0-9.]+.*, needs \\+.*");

    /** The verdict's "not established": a must-have broken, skipped or unmeasured, no result, no baseline. */
    public static final Category NOT_ESTABLISHED = new Category("Swap not established", List.of("skipped", "failed"),
            "not established: .*");

    public static final List<Category> ALL = List.of(MUST_HAVE_MISS, NICE_TO_HAVE_MISS, BOOT_FAILURE, SERVER_DIED,
            SERVER_ERROR, PROTOCOL_ERROR, TIMEOUT, NO_SWAP, NOT_ESTABLISHED);

    private AllureCategories() {
    }

    /** The content of {@code categories.json}. */
    public static String json() {
        ArrayNode list = ResultFiles.JSON.createArrayNode();
        for (Category c : ALL) {
            ObjectNode n = list.addObject();
            n.put("name", c.name());
            ArrayNode statuses = n.putArray("matchedStatuses");
            c.statuses().forEach(statuses::add);
            n.put("messageRegex", c.messageRegex());
        }
        try {
            return ResultFiles.JSON.writeValueAsString(list);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
