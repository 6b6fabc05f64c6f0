package dev.modelgate.internal;

import dev.modelgate.Boot;
import dev.modelgate.Evidence;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.measure.memory.BootMemory;
import dev.modelgate.report.Report;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The parameters a requirement test of one candidate may take, and what each needs: the
 * candidate, the tables and the catalogue need nothing; the server, its client, {@link Boot} and
 * {@link BootMemory} boot it (unless the test is replayed); {@link Evidence} needs the test's
 * {@code @Requirement}.
 */
final class CandidateParameters {

    private static final Set<Class<?>> BOOTING = Set.of(RunningModel.class, ChatClient.class, Boot.class,
            BootMemory.class);
    /** Parameters whose test is broken before it runs when the boot fails. */
    private static final Set<Class<?>> NEEDS_RUNNING = Set.of(RunningModel.class, ChatClient.class);
    private static final Set<Class<?>> RESOLVED = Set.of(Candidate.class, Requirements.class, Settings.class,
            Catalog.class, Evidence.class, RunningModel.class, ChatClient.class, Boot.class, BootMemory.class);

    private final Candidate candidate;
    private final RunPlan plan;

    CandidateParameters(Candidate candidate, RunPlan plan) {
        this.candidate = candidate;
        this.plan = plan;
    }

    static boolean supports(Class<?> type) {
        return RESOLVED.contains(type);
    }

    /** Whether a test of {@code method} uses the server (a death under it breaks it). */
    static boolean usesServer(Method method) {
        return Arrays.stream(method.getParameterTypes()).anyMatch(BOOTING::contains);
    }

    /** Whether a test of {@code method} cannot run without a ready server. */
    static boolean needsModel(Method method) {
        return Arrays.stream(method.getParameterTypes()).anyMatch(NEEDS_RUNNING::contains);
    }

    /**
     * The value of a parameter of {@code type}.
     *
     * @param replayed whether the test is replayed from an earlier run (then nothing boots for it)
     * @param spec     the test's requirement, when it has one
     * @param evidence told of the evidence handed out, so its outcome can be recorded
     */
    Object resolve(Class<?> type, ModelSession session, boolean replayed, Method method,
                   Optional<RequirementSpec> spec, Consumer<RecordedEvidence> evidence) {
        if (type == Candidate.class) {
            return candidate;
        }
        if (type == Requirements.class) {
            return plan.requirements();
        }
        if (type == Settings.class) {
            return plan.settings();
        }
        if (type == Catalog.class) {
            return plan.catalog();
        }
        if (BOOTING.contains(type) && replayed) {
            return null; // the test is replayed, not run: no need to boot for it
        }
        if (type == Boot.class) {
            return bootOf(session);
        }
        if (type == BootMemory.class) {
            return session.bootMemory();
        }
        if (type == RunningModel.class) {
            return session.running();
        }
        if (type == ChatClient.class) {
            return session.client();
        }
        if (type == Evidence.class) {
            RequirementSpec s = spec.orElseThrow(() -> new org.junit.jupiter.api.extension.ParameterResolutionException(
                    method + " takes Evidence but has no @Requirement; add @Requirement(\"<id from requirements.yaml>\")"));
            RecordedEvidence recorded = new RecordedEvidence(session, s, Report.allure());
            evidence.accept(recorded);
            return recorded;
        }
        throw new org.junit.jupiter.api.extension.ParameterResolutionException("cannot resolve " + type);
    }

    private static Boot bootOf(ModelSession session) {
        Optional<BootFailure> failure = session.attemptBoot();
        failure.ifPresent(f -> ReportPlacement.attachBootLog(session, f));
        return new Boot() {
            @Override
            public Optional<BootFailure> failure() {
                return failure;
            }

            @Override
            public RunningModel model() {
                return session.running();
            }

            @Override
            public ChatClient client() {
                return session.client();
            }

            @Override
            public BootMemory memory() {
                return session.bootMemory();
            }
        };
    }
}
