package dev.modelgate.measure;

import dev.modelgate.client.ServerError;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request refused because its prompt exceeds the model's context (vLLM: "This model's maximum
 * context length is 2048 tokens. However, your request has 3084 input tokens …"). The long prompt
 * is sized from an estimate of characters per token; a tokenizer that needs more tokens than the
 * estimate (small vocabularies) overflows, and the prompt is sized again with the server's counts.
 */
public record ContextOverflow(int maximum, int requested) {

    private static final Pattern MAXIMUM = Pattern.compile("maximum context length is ([0-9,]+) tokens");
    private static final Pattern REQUESTED = Pattern.compile("(?:your request has|you requested) ([0-9,]+)");

    /** The overflow the server describes, if this error is one. */
    public static Optional<ContextOverflow> of(ServerError e) {
        if (e.status() != 400 || e.serverMessage() == null) {
            return Optional.empty();
        }
        Matcher max = MAXIMUM.matcher(e.serverMessage());
        Matcher req = REQUESTED.matcher(e.serverMessage());
        if (!max.find() || !req.find()) {
            return Optional.empty();
        }
        return Optional.of(new ContextOverflow(number(max.group(1)), number(req.group(1))));
    }

    /**
     * A context length to size the prompt for so that it fits: the estimate scaled by how far the
     * server's count exceeded it, with a margin.
     */
    public OptionalInt shrink(OptionalInt sizedFor) {
        int basis = sizedFor.orElse(maximum);
        return OptionalInt.of(Math.max(64, (int) (basis * (double) maximum / requested * 0.9)));
    }

    private static int number(String s) {
        return Integer.parseInt(s.replace(",", ""));
    }
}
