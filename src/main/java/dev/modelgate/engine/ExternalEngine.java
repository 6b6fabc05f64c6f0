package dev.modelgate.engine;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Attaches to a server someone else runs ({@code modelgate.url} or {@code engine.url}); it is
 * never started or stopped here. Ready when {@code /v1/models} lists the candidate's served name.
 */
public final class ExternalEngine implements Engine {

    @Override
    public String type() {
        return "external";
    }

    @Override
    public Optional<String> probeVersion(Candidate candidate, EngineContext context) {
        return baseUrl(candidate, context)
                .flatMap(base -> new Readiness(base, candidate.servedName(), context.apiKey()).version());
    }

    /** {@code modelgate.url}, else the candidate's {@code engine.url}, without a trailing {@code /} or {@code /v1}. */
    private static Optional<URI> baseUrl(Candidate candidate, EngineContext context) {
        return context.settings().get(Settings.URL).or(() -> Optional.ofNullable(candidate.engine().url()))
                .map(url -> URI.create(url.replaceAll("/+$", "").replaceAll("/v1$", "")));
    }

    @Override
    public RunningModel start(Candidate candidate, EngineContext context) {
        URI base = baseUrl(candidate, context).orElseThrow(() -> new BootFailure(BootFailure.Kind.INVALID,
                candidate.id() + ": engine 'external' needs a URL: set -D" + Settings.URL
                        + "=http://host:port or engine.url in the candidate file"));
        String served = candidate.servedName();
        long start = System.nanoTime();
        Readiness readiness = new Readiness(base, served, context.apiKey()).healthPath(null);
        Duration timeout = Duration.ofSeconds(context.settings().getInt(Settings.BOOT_TIMEOUT, 30));
        readiness.await(null, timeout, candidate.id(), context.console());
        Duration boot = Duration.ofNanos(System.nanoTime() - start);
        Optional<String> version = readiness.version();
        return new AttachedModel(candidate.id(), type(), base, served, boot, version, Map.of("url", base.toString()));
    }
}
