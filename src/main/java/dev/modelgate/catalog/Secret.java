package dev.modelgate.catalog;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A secret value (API key, token). {@link #toString()} never shows it; every secret created is
 * registered so that {@link #redact(String)} can strip it from any text before it is logged,
 * attached or written.
 */
public final class Secret {

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    public static final String MASK = "***";

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value);
        if (value.length() >= 4) {
            KNOWN.add(value);
        }
    }

    /** The clear value, for the one place that must send it (an HTTP header, a child's environment). */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    /** Replaces every known secret in {@code text} with {@value #MASK}. */
    public static String redact(String text) {
        if (text == null || KNOWN.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : KNOWN) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    /** Registers the values of variables named like secrets ({@code *TOKEN*}, {@code *KEY*}, …) for redaction. */
    public static void registerSecretLike(java.util.Map<String, String> env) {
        env.forEach((k, v) -> {
            if (v != null && k.matches("(?i).*(TOKEN|KEY|SECRET|PASSWORD).*")) {
                new Secret(v);
            }
        });
    }

    /** Registers an environment variable's value (e.g. {@code HF_TOKEN}) as a secret, if set. */
    public static void registerEnvironment(String name) {
        String v = System.getenv(name);
        if (v != null && !v.isBlank()) {
            new Secret(v);
        }
    }
}
