package dev.modelgate.engine;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an engine needs besides the candidate.
 *
 * @param workDir  where logs and engine files go ({@code target/modelgate/<id>/})
 * @param apiKey   the key the server must require / clients must send
 * @param console  where boot progress is printed
 */
public record EngineContext(Settings settings, Path workDir, Optional<Secret> apiKey, Consumer<String> console) {

    /** How long {@code candidate} may take to get ready: {@value Settings#BOOT_TIMEOUT}, else its own. */
    public Duration bootTimeout(Candidate candidate) {
        return Duration.ofSeconds(settings.getInt(Settings.BOOT_TIMEOUT, candidate.bootTimeoutSeconds()));
    }
}
