package dev.modelgate.internal;

import dev.modelgate.Qualification;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.CandidateKeys;
import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.preflight.HubPreflight;
import dev.modelgate.catalog.preflight.PreflightReport;
import dev.modelgate.engine.registry.Engines;
import dev.modelgate.measure.SamplingOverrides;
import dev.modelgate.spi.QualificationProvider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@link Qualification} suite once per candidate selected with {@code -Dmodel}. Before the
 * first candidate it validates the whole catalogue (candidates, requirements, cases) and stops with
 * one message listing every problem; without {@code -Dmodel} it provides no invocation at all.
 * Registered in {@code META-INF/services} as the {@link QualificationProvider}.
 */
public final class QualificationRuns implements QualificationProvider {

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
        SettingsCheck.run(settings, System.getProperties().stringPropertyNames(), problems);
        Catalog catalog = CatalogLoader.load(settings, problems);
        catalog.checkSelection(selection.get(), problems);
        CatalogChecks.run(settings, problems);
        problems.throwIfAny();
        Requirements requirements = catalog.requirements().withSampling(
                SamplingOverrides.apply(catalog.requirements().sampling(), settings));
        List<Candidate> candidates = catalog.select(selection.get()).stream()
                .map(c -> Engines.resolve(c, settings)).toList();
        Problems keys = new Problems();
        CandidateKeys.check(candidates, keys);
        keys.throwIfAny();
        // Optional: the declared facts against the Hugging Face Hub, before a 20 GB download boots.
        HubPreflight.fromSettings(settings).ifPresent(preflight -> {
            for (PreflightReport report : preflight.checkAll(candidates.stream()
                    .filter(c -> c.huggingFace() != null).toList())) {
                System.out.println("[modelgate] preflight " + report.render());
            }
        });
        RunPlan plan = RunPlan.of(settings, catalog, requirements, candidates);
        plan.writeManifest();
        System.out.println("[modelgate] qualification of " + candidates.stream().map(Candidate::id).toList()
                + " against baseline " + requirements.baseline() + "; results in " + plan.store().dir());
        CandidateSlots slots = ParallelRuns.slots(settings, context, candidates);
        AtomicInteger position = new AtomicInteger();
        return candidates.stream().map(c -> new CandidateInvocation(c, plan, position.incrementAndGet(), slots));
    }
}
