package dev.modelgate.measure;

import dev.modelgate.client.Completion;
import dev.modelgate.client.Usage;

/**
 * Whether a response's usage chunk can be trusted for decode speed: present, and consistent with
 * what streamed. Every event with output holds at least one token, so fewer tokens than such
 * events is impossible; a count above {@code max_tokens}, or a length stop short of it, is wrong.
 *
 * @param reason why the usage is missing or disagrees; empty when it is fine
 */
record UsageCheck(Status status, String reason) {

    /** The verdict on one response's usage. */
    public enum Status { OK, MISSING, DISAGREES }

    public static final UsageCheck OK = new UsageCheck(Status.OK, "");

    /** Checks {@code completion}'s usage; {@code maxTokens} is what the request asked for (0: none). */
    public static UsageCheck of(Completion completion, int maxTokens) {
        if (completion.usage().isEmpty()) {
            return new UsageCheck(Status.MISSING, "no usage chunk although stream_options.include_usage was true");
        }
        Usage usage = completion.usage().get();
        int tokens = usage.completionTokens();
        int events = completion.outputEvents();
        if (tokens < events) {
            return new UsageCheck(Status.DISAGREES, "usage counts " + tokens + " completion tokens but " + events
                    + " events carried output (each holds at least one token)");
        }
        if (maxTokens > 0 && tokens > maxTokens) {
            return new UsageCheck(Status.DISAGREES, "usage counts " + tokens + " completion tokens, more than max_tokens "
                    + maxTokens);
        }
        if (maxTokens > 0 && "length".equals(completion.finishReason()) && tokens != maxTokens) {
            return new UsageCheck(Status.DISAGREES, "finish_reason is 'length' after " + tokens
                    + " completion tokens, but max_tokens was " + maxTokens);
        }
        return OK;
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
