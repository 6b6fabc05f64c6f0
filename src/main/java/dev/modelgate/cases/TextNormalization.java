package dev.modelgate.cases;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How strings are compared in a tool-calling case. Unicode NFC always applies, so that a name
 * typed with combining accents equals the same name typed precomposed.
 *
 * @param ignoreCase         compare lower-cased
 * @param collapseWhitespace trim, and turn every run of white space into one space
 * @param stripPunctuation   drop punctuation characters (Unicode category P)
 */
record TextNormalization(boolean ignoreCase, boolean collapseWhitespace, boolean stripPunctuation) {

    /** The default of a case that says nothing: case-sensitive, white space collapsed. */
    public static final TextNormalization DEFAULT = new TextNormalization(false, true, false);

    public String apply(String text) {
        String out = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (stripPunctuation) {
            out = out.replaceAll("\\p{P}+", "");
        }
        if (collapseWhitespace) {
            out = out.strip().replaceAll("\\s+", " ");
        }
        if (ignoreCase) {
            out = out.toLowerCase(Locale.ROOT);
        }
        return out;
    }

    /** The same normalisation, also ignoring case. */
    public TextNormalization ignoringCase() {
        return new TextNormalization(true, collapseWhitespace, stripPunctuation);
    }
}
