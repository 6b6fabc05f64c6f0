package dev.modelgate.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on a free-text answer (vision, Kannada native response).
 *
 * @param reasons why it failed; empty when it passed
 */
record AnswerVerdict(boolean passed, List<String> reasons) {

    public AnswerVerdict {
        reasons = List.copyOf(reasons);
    }

    /** Grades a vision answer against the case's keywords, one-of answers and forbidden words. */
    public static AnswerVerdict vision(VisionCase c, String answer) {
        List<String> reasons = new ArrayList<>();
        for (String missing : KeyPhrases.missing(answer, c.keywords())) {
            reasons.add("missing " + missing);
        }
        if (!c.oneOf().isEmpty() && !KeyPhrases.containsAny(answer, c.oneOf())) {
            reasons.add("none of the accepted answers " + KeyPhrases.describe(c.oneOf()) + " appears");
        }
        for (String word : c.forbidden()) {
            if (KeyPhrases.contains(answer, word)) {
                reasons.add("contains the wrong answer \"" + word + "\"");
            }
        }
        return new AnswerVerdict(reasons.isEmpty(), reasons);
    }

    /** Grades a Kannada answer: script share and key facts. */
    public static AnswerVerdict nativeResponse(NativeResponseCase c, String answer) {
        List<String> reasons = new ArrayList<>();
        double share = KannadaScript.share(answer);
        if (share < KannadaScript.NATIVE_SHARE) {
            reasons.add(String.format(java.util.Locale.ROOT, "only %.0f %% of the letters are Kannada script"
                    + " (at least %.0f %% required)", share * 100, KannadaScript.NATIVE_SHARE * 100));
        }
        for (String missing : KeyPhrases.missing(answer, c.keyFacts())) {
            reasons.add("key fact missing: " + missing);
        }
        return new AnswerVerdict(reasons.isEmpty(), reasons);
    }
}
