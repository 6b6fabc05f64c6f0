package dev.modelgate.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds expected phrases in a free answer. Both sides are compared in NFC, lower case, with white
 * space collapsed. A phrase may sit inside a longer word where scripts inflect by suffix (Kannada
 * {@code ಬೆಂಗಳೂರ} finds {@code ಬೆಂಗಳೂರಿನಲ್ಲಿ}), but a digit never continues a number and a Latin letter
 * never continues a Latin word: {@code 7} is not found in {@code 17}, nor {@code red} in {@code reddish}.
 */
final class KeyPhrases {

    private KeyPhrases() {
    }

    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** Whether {@code phrase} occurs in {@code text} with the boundaries described above. */
    public static boolean contains(String text, String phrase) {
        String t = normalize(text);
        String p = normalize(phrase);
        if (p.isEmpty()) {
            return true;
        }
        for (int at = t.indexOf(p); at >= 0; at = t.indexOf(p, at + 1)) {
            int end = at + p.length();
            boolean left = at == 0 || !continues(t.codePointBefore(at), p.codePointAt(0));
            boolean right = end == t.length() || !continues(t.codePointAt(end), p.codePointBefore(p.length()));
            if (left && right) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the alternatives occurs in {@code text}. */
    public static boolean containsAny(String text, List<String> alternatives) {
        return alternatives.stream().anyMatch(a -> contains(text, a));
    }

    /** The entries (each a list of alternatives) of which no alternative occurs in {@code text}, in words. */
    public static List<String> missing(String text, List<List<String>> entries) {
        List<String> out = new ArrayList<>();
        for (List<String> alternatives : entries) {
            if (!containsAny(text, alternatives)) {
                out.add(describe(alternatives));
            }
        }
        return out;
    }

    static String describe(List<String> alternatives) {
        return alternatives.size() == 1 ? "\"" + alternatives.get(0) + "\""
                : alternatives.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(" or ", "(", ")"));
    }

    private static boolean continues(int neighbour, int edge) {
        if (Character.isDigit(edge)) {
            return Character.isDigit(neighbour);
        }
        return isLatinLetter(edge) && isLatinLetter(neighbour);
    }

    private static boolean isLatinLetter(int cp) {
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }
}
