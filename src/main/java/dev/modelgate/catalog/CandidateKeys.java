package dev.modelgate.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The API key a candidate's server is sent (and, for a server started here, must require): the
 * candidate's own, from the environment variable its {@code engine.apiKeyEnv} names, else the run's
 * ({@code modelgate.apiKey}, {@code MODELGATE_API_KEY}, {@code VLLM_API_KEY}). A production server
 * measured beside test servers rarely shares their key; its own key goes to it alone.
 */
public final class CandidateKeys {

    private CandidateKeys() {
    }

    /** The key for {@code candidate}; empty when neither it nor the run names one. */
    public static Optional<Secret> of(Candidate candidate, Settings settings) {
        return of(candidate, settings, System::getenv);
    }

    static Optional<Secret> of(Candidate candidate, Settings settings, Function<String, String> env) {
        String name = candidate.engine().apiKeyEnv();
        if (name == null) {
            return settings.apiKey();
        }
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(candidate.id() + ": " + missing(name));
        }
        return Optional.of(new Secret(value.trim()));
    }

    /**
     * Adds a problem for every candidate whose {@code engine.apiKeyEnv} names a variable that is not
     * set, and registers the keys that are for redaction: checked before anything boots.
     */
    public static void check(List<Candidate> candidates, Problems problems) {
        for (Candidate c : candidates) {
            String name = c.engine().apiKeyEnv();
            if (name == null) {
                continue;
            }
            String value = System.getenv(name);
            if (value == null || value.isBlank()) {
                problems.add(c.source().map(p -> "models/" + p.getFileName()).orElse(c.id()), "$.engine.apiKeyEnv",
                        missing(name));
            } else {
                new Secret(value.trim());
            }
        }
    }

    private static String missing(String name) {
        return "engine.apiKeyEnv names the environment variable " + name + ", which is not set; export " + name
                + "=<the key of that server> before the run";
    }
}
