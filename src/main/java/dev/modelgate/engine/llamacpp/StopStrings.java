package dev.modelgate.engine.llamacpp;

import java.util.List;

/**
 * The request's {@code stop} strings, applied to generated text as it streams: text that could be
 * the start of a stop string is held back until it is known not to be one, a stop string ends the
 * output, and neither it nor anything after it is sent (as vLLM does). Done here rather than in
 * llama.cpp so that every generated token still arrives as its own piece. One per request.
 */
final class StopStrings {

    private final List<String> stops;
    private final StringBuilder pending = new StringBuilder();
    private boolean stopped;

    StopStrings(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Whether a stop string has been seen; later text is ignored. */
    boolean stopped() {
        return stopped;
    }

    /** Takes the next generated piece and returns the text that can be sent now (maybe empty). */
    String accept(String piece) {
        if (stopped) {
            return "";
        }
        pending.append(piece);
        int at = firstStop();
        if (at >= 0) {
            stopped = true;
            String out = pending.substring(0, at);
            pending.setLength(0);
            return out;
        }
        int keep = longestPrefixAtEnd();
        String out = pending.substring(0, pending.length() - keep);
        pending.delete(0, pending.length() - keep);
        return out;
    }

    /** The text still held back, released when generation ends without a stop string. */
    String flush() {
        String out = stopped ? "" : pending.toString();
        pending.setLength(0);
        return out;
    }

    private int firstStop() {
        int first = -1;
        for (String s : stops) {
            int at = pending.indexOf(s);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** Length of the longest end of the pending text that begins some stop string. */
    private int longestPrefixAtEnd() {
        String text = pending.toString();
        int best = 0;
        for (String s : stops) {
            for (int n = Math.min(s.length() - 1, text.length()); n > best; n--) {
                if (text.regionMatches(text.length() - n, s, 0, n)) {
                    best = n;
                    break;
                }
            }
        }
        return best;
    }
}
