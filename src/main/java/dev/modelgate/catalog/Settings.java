package dev.modelgate.catalog;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run's settings ({@code model}, {@code modelgate.*}). Precedence, highest first: system
 * property ({@code -D}), JUnit configuration parameter (explicit, or
 * {@code junit-platform.properties}), default. Blank values count as unset.
 */
public final class Settings {

    public static final String MODEL = "model";
    public static final String MODELS = "modelgate.models";
    public static final String CASES = "modelgate.cases";
    public static final String REQUIREMENTS = "modelgate.requirements";
    public static final String ENGINE = "modelgate.engine";
    public static final String URL = "modelgate.url";
    public static final String API_KEY = "modelgate.apiKey";
    public static final String RESULTS = "modelgate.results";
    public static final String SAMPLES = "modelgate.samples";
    public static final String WARMUP = "modelgate.warmup";
    public static final String CONCURRENCY = "modelgate.concurrency";
    public static final String GATE = "modelgate.gate";
    public static final String RESUME = "modelgate.resume";
    /** Runs of each quality case (default 1); accuracy is the mean over runs, its interval over cases. */
    public static final String REPEATS = "modelgate.repeats";
    public static final String VLLM = "modelgate.vllm";
    public static final String BOOT_TIMEOUT = "modelgate.bootTimeout";
    /** Seconds a whole request may take (overrides {@code sampling.requestTimeoutSeconds}). */
    public static final String REQUEST_TIMEOUT = "modelgate.requestTimeout";
    /** Seconds a stream may stay silent (overrides {@code sampling.idleTimeoutSeconds}). */
    public static final String IDLE_TIMEOUT = "modelgate.idleTimeout";
    public static final String PREFLIGHT = "modelgate.preflight";
    /** Base URL of the Hugging Face Hub (GGUF downloads, preflight); default {@code https://huggingface.co}. */
    public static final String HF_ENDPOINT = "modelgate.hfEndpoint";
    /** A survey file for the Hub survey ({@code mvn test -Dgroups=survey -Dmodelgate.survey=<file>}). */
    public static final String SURVEY = "modelgate.survey";

    /** Directories of earlier result files to take the baseline's figures from (comma-separated). */
    public static final String BASELINE_RESULTS = "modelgate.baselineResults";

    private final Function<String, Optional<String>> lookup;

    private Settings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /**
     * Settings where system properties win over the given JUnit configuration parameters. Secret
     * system properties ({@code modelgate.apiKey}, anything named like a key or token) are moved out
     * of the system properties first, so that no report that lists them can show them.
     */
    public static Settings of(Function<String, Optional<String>> configurationParameters) {
        SecretProperties.takeOver();
        return new Settings(key -> SecretProperties.get(key).or(() -> Optional.ofNullable(System.getProperty(key)))
                .flatMap(Settings::nonBlank)
                .or(() -> configurationParameters.apply(key).flatMap(Settings::nonBlank)));
    }

    /** Settings from a map only (tests, tools); system properties are not consulted. */
    public static Settings ofMap(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>(values);
        return new Settings(key -> nonBlank(copy.get(key)));
    }

    public Optional<String> get(String key) {
        return lookup.apply(key);
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public int getInt(String key, int fallback) {
        return get(key).map(v -> parse(key, v, Integer::parseInt)).orElse(fallback);
    }

    public double getDouble(String key, double fallback) {
        return get(key).map(v -> parse(key, v, Double::parseDouble)).orElse(fallback);
    }

    public boolean getBoolean(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }

    /** The Hugging Face Hub: {@code modelgate.hfEndpoint}, else {@code HF_ENDPOINT}, else the public Hub. */
    public String hfEndpoint() {
        return get(HF_ENDPOINT).or(() -> nonBlank(System.getenv("HF_ENDPOINT"))).orElse("https://huggingface.co");
    }

    public Path resultsDir() {
        return Path.of(get(RESULTS, "target/modelgate"));
    }

    /**
     * The API key for the server, from {@code modelgate.apiKey} or the environment
     * ({@code MODELGATE_API_KEY}, {@code VLLM_API_KEY}).
     */
    public Optional<Secret> apiKey() {
        return get(API_KEY).or(() -> nonBlank(System.getenv("MODELGATE_API_KEY")))
                .or(() -> nonBlank(System.getenv("VLLM_API_KEY")))
                .map(Secret::new);
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Configuration error: " + key + "=" + value
                    + " is not a valid number", e);
        }
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
