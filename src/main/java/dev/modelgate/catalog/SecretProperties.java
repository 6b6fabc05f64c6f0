package dev.modelgate.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Secrets given as system properties ({@code -Dmodelgate.apiKey=…}, or any {@code modelgate.*} property
 * named like a key or token) are taken out of the system properties at the first look, kept here, and registered for
 * redaction. Surefire writes the test JVM's system properties into every JUnit XML report, which CI
 * systems publish; a property that is no longer there cannot leak that way.
 */
final class SecretProperties {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(api[._-]?key|token|secret|password).*");
    private static final Map<String, String> TAKEN = new ConcurrentHashMap<>();

    private SecretProperties() {
    }

    /** Whether a setting of this name holds a secret; other programs' properties are left alone. */
    static boolean isSecret(String name) {
        return name.startsWith("modelgate.") && SECRET_NAME.matcher(name).matches();
    }

    /** Moves every secret-named system property here; idempotent and cheap when there is none. */
    static synchronized void takeOver() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (isSecret(name)) {
                String value = System.getProperty(name);
                if (value != null) {
                    TAKEN.put(name, value);
                    new Secret(value);
                    System.clearProperty(name);
                }
            }
        }
    }

    /** The value a secret system property had, if it was taken over. */
    static Optional<String> get(String name) {
        return Optional.ofNullable(TAKEN.get(name));
    }
}
