package dev.modelgate.catalog;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one setting accepts. {@link #check(String)} answers why a value is not accepted, with what
 * is allowed and, for a value close to an allowed word, a "did you mean".
 */
@FunctionalInterface
public interface SettingRule {

    /** Why {@code value} is not accepted, or empty when it is. */
    Optional<String> check(String value);

    /** One of the listed words, case-insensitive. */
    static SettingRule oneOf(List<String> allowed, String meaning) {
        return value -> allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value.trim())) ? Optional.empty()
                : Optional.of("'" + value + "' is not " + meaning + "; allowed: " + String.join(", ", allowed)
                        + Suggestions.didYouMean(value.trim(), allowed));
    }

    /** {@code true} or {@code false}. */
    static SettingRule bool() {
        return oneOf(List.of("true", "false"), "a boolean");
    }

    /** A whole number within [min, max]. */
    static SettingRule wholeNumber(long min, long max, String unit) {
        return value -> {
            try {
                long n = Long.parseLong(value.trim());
                return n >= min && n <= max ? Optional.empty() : Optional.of("'" + value + "' is out of range; allowed: "
                        + range(min, max) + unit);
            } catch (NumberFormatException e) {
                return Optional.of("'" + value + "' is not a whole number; allowed: " + range(min, max) + unit);
            }
        };
    }

    /** A number (decimals allowed) greater than 0. */
    static SettingRule positiveNumber(String unit) {
        return value -> {
            try {
                double d = Double.parseDouble(value.trim());
                return d > 0 && Double.isFinite(d) ? Optional.empty()
                        : Optional.of("'" + value + "' must be more than 0" + unit);
            } catch (NumberFormatException e) {
                return Optional.of("'" + value + "' is not a number; allowed: a number more than 0" + unit
                        + " (decimals allowed, e.g. 2.5)");
            }
        };
    }

    /** A comma-separated list of whole numbers within [min, max], e.g. {@code 1,4,16,64}. */
    static SettingRule wholeNumbers(long min, long max, String example) {
        SettingRule one = wholeNumber(min, max, "");
        return value -> {
            for (String part : value.split(",", -1)) {
                Optional<String> problem = one.check(part.trim());
                if (part.isBlank() || problem.isPresent()) {
                    return Optional.of("'" + value + "' must list whole numbers " + range(min, max)
                            + ", comma-separated (e.g. " + example + "); '" + part.trim() + "' is not one");
                }
            }
            return Optional.empty();
        };
    }

    /** An absolute http or https URL with a host. */
    static SettingRule httpUrl() {
        return value -> {
            try {
                URI uri = new URI(value.trim());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return Optional.empty();
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            return Optional.of("'" + value + "' is not an http(s) URL with a host, e.g. http://titan:8000");
        };
    }

    /** An executable: a path to an executable file, or a command on the PATH. */
    static SettingRule executable() {
        return value -> {
            String v = value.trim();
            if (v.contains(File.separator)) {
                Path p = Path.of(v);
                return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.empty()
                        : Optional.of("'" + value + "' is not an executable file");
            }
            String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, v);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.empty();
                }
            }
            return Optional.of("'" + value + "' is not on the PATH; give the full path of the executable");
        };
    }

    /** An existing regular file. */
    static SettingRule existingFile() {
        return value -> Files.isRegularFile(Path.of(value.trim())) ? Optional.empty()
                : Optional.of("'" + value + "' is not a file");
    }

    /** A comma-separated list of existing directories. */
    static SettingRule existingDirectories() {
        return value -> {
            for (String part : value.split(",")) {
                if (!part.isBlank() && !Files.isDirectory(Path.of(part.trim()))) {
                    return Optional.of("'" + part.trim() + "' is not a directory");
                }
            }
            return Optional.empty();
        };
    }

    /** A regular expression that compiles. */
    static SettingRule regex() {
        return value -> {
            try {
                java.util.regex.Pattern.compile(value);
                return Optional.empty();
            } catch (java.util.regex.PatternSyntaxException e) {
                return Optional.of("'" + value + "' is not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        };
    }

    /** Any non-blank value. */
    static SettingRule any() {
        return value -> Optional.empty();
    }

    private static String range(long min, long max) {
        return max == Long.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
    }
}
