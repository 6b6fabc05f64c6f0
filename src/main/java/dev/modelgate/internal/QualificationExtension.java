package dev.modelgate.internal;

import dev.modelgate.Qualification;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import dev.modelgate.engine.Engines;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@link Qualification} suite once per candidate selected with {@code -Dmodel}. Before the
 * first candidate it validates the whole catalogue (candidates, requirements, cases) and stops with
 * one message listing every problem; without {@code -Dmodel} it provides no invocation at all.
 */
public final class QualificationExtension implements ClassTemplateInvocationContextProvider {

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getRequiredTestClass(), Qualification.class);
    }

    @Override
    public boolean mayReturnZeroClassTemplateInvocationContexts(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        Settings settings = Settings.of(context::getConfigurationParameter);
        Optional<String> selection = settings.get(Settings.MODEL);
        if (selection.isEmpty()) {
            context.publishReportEntry("modelgate", "no -Dmodel given: the qualification suite has nothing to run");
            return Stream.empty();
        }
        Secret.registerEnvironment("HF_TOKEN");
        Secret.registerEnvironment("HUGGING_FACE_HUB_TOKEN");
        settings.apiKey(); // registers the key for redaction before anything can print it
        Problems problems = new Problems();
        Catalog catalog = CatalogLoader.load(settings, problems);
        CatalogChecks.run(settings, problems);
        problems.throwIfAny();
        Requirements requirements = catalog.requirements().withSampling(overrides(catalog.requirements().sampling(),
                settings));
        List<Candidate> candidates = catalog.select(selection.get()).stream()
                .map(c -> Engines.resolve(c, settings)).toList();
        RunPlan plan = RunPlan.of(settings, catalog, requirements, candidates);
        plan.writeManifest();
        System.out.println("[modelgate] qualification of " + candidates.stream().map(Candidate::id).toList()
                + " against baseline " + requirements.baseline() + "; results in " + plan.store().dir());
        AtomicInteger position = new AtomicInteger();
        return candidates.stream().map(c -> new CandidateInvocation(c, plan, position.incrementAndGet()));
    }

    /** The sampling plan with {@code modelgate.samples}, {@code .warmup} and {@code .concurrency} applied. */
    static Sampling overrides(Sampling sampling, Settings settings) {
        Sampling s = sampling.withSamples(settings.getInt(Settings.SAMPLES, sampling.samples()))
                .withWarmup(settings.getInt(Settings.WARMUP, sampling.warmup()));
        Optional<String> levels = settings.get(Settings.CONCURRENCY);
        if (levels.isPresent()) {
            try {
                s = s.withConcurrency(Arrays.stream(levels.get().split(",")).map(String::trim)
                        .filter(v -> !v.isEmpty()).map(Integer::parseInt).toList());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Configuration error: " + Settings.CONCURRENCY + "="
                        + levels.get() + " must be comma-separated whole numbers, e.g. 1,4,16,64", e);
            }
        }
        return s;
    }
}
