package dev.modelgate.cases;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normal form in which entity names are compared: Unicode NFC, lower case, white space
 * collapsed, punctuation around the name dropped, and no space after a period (so that
 * {@code "D. R. Bendre"} and {@code "D.R. Bendre"} are the same name).
 */
final class EntityNames {

    private EntityNames() {
    }

    public static String normalize(String name) {
        String out = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        out = out.replaceAll("\\s+", " ");
        out = out.replaceAll("^[\\p{P}\\p{Z}\\s]+", "").replaceAll("[\\p{P}\\p{Z}\\s]+$", "");
        return out.replaceAll("\\.\\s+", ".");
    }
}
