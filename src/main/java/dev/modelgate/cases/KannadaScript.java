package dev.modelgate.cases;

/**
 * How much of a text is written in Kannada script: the share of its letters (Unicode letters and
 * the combining vowel signs and viramas that belong to them, categories L and M) that lie in the
 * Kannada block U+0C80–U+0CFF. Digits, punctuation and white space are not letters.
 */
final class KannadaScript {

    public static final int BLOCK_START = 0x0C80;
    public static final int BLOCK_END = 0x0CFF;

    /** The share a native answer must reach (SPEC §4). */
    public static final double NATIVE_SHARE = 0.8;

    private KannadaScript() {
    }

    /** The share of letters in the Kannada block; 0 for a text without letters. */
    public static double share(String text) {
        int letters = 0;
        int kannada = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isLetter(cp)) {
                letters++;
                if (cp >= BLOCK_START && cp <= BLOCK_END) {
                    kannada++;
                }
            }
        }
        return letters == 0 ? 0 : (double) kannada / letters;
    }

    private static boolean isLetter(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
