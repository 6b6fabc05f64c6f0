package dev.modelgate.internal;

import dev.modelgate.Evidence;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.report.Report;
import dev.modelgate.verdict.Status;
import dev.modelgate.verdict.TestOutcome;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.AssertionFailedError;

/**
 * The per-candidate side of the extension: opens the candidate's {@link ModelSession} before its
 * tests and closes it after them, places each test in the report ({@link ReportPlacement}), boots
 * the model for the first test that needs it, resolves test parameters ({@link CandidateParameters}),
 * replays what a resumed run reuses, and writes each test's outcome ({@link OutcomeRecorder}).
 */
final class CandidateExtension implements BeforeClassTemplateInvocationCallback, AfterClassTemplateInvocationCallback,
        BeforeEachCallback, ParameterResolver, TestWatcher, InvocationInterceptor {

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CandidateExtension.class);
    private static final String SESSION = "session";
    private static final String EVIDENCE = "evidence";
    private static final String PERMIT = "permit";

    private final Candidate candidate;
    private final RunPlan plan;
    private final int position;
    private final CandidateSlots slots;
    private final CandidateParameters parameters;

    CandidateExtension(Candidate candidate, RunPlan plan, int position, CandidateSlots slots) {
        this.candidate = candidate;
        this.plan = plan;
        this.position = position;
        this.slots = slots;
        this.parameters = new CandidateParameters(candidate, plan);
    }

    @Override
    public void beforeClassTemplateInvocation(ExtensionContext context) throws InterruptedException {
        if (Interruption.stopping()) {
            throw new IllegalStateException("the run is being stopped (interrupted): " + candidate.id()
                    + " is not qualified");
        }
        // Closed by the store after the session (registered before it): the next candidate starts once this one's
        // server is stopped.
        context.getStore(NAMESPACE).put(PERMIT, slots.acquire(candidate));
        System.out.println("[modelgate] qualifying " + candidate.id() + " (" + position + "/"
                + plan.candidates().size() + ", engine " + candidate.engine().type() + ")");
        // Registered before anything starts: JUnit closes it with the invocation even on failure.
        context.getStore(NAMESPACE).put(SESSION, new ModelSession(candidate, plan));
    }

    @Override
    public void afterClassTemplateInvocation(ExtensionContext context) {
        ModelSession session = context.getStore(NAMESPACE).get(SESSION, ModelSession.class);
        if (session != null) {
            session.close();
            System.out.println("[modelgate] " + candidate.id() + ": done; results in "
                    + plan.store().fileOf(candidate.id()));
        }
        CandidateSlots.Permit permit = context.getStore(NAMESPACE).get(PERMIT, CandidateSlots.Permit.class);
        if (permit != null) {
            permit.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ModelSession session = session(context);
        Method method = context.getRequiredTestMethod();
        Optional<RequirementSpec> spec = requirementOf(context);
        ReportPlacement.place(candidate, spec, method);
        session.testRunning(method.getName(), spec.map(RequirementSpec::id).orElse(null));
        if (CandidateParameters.needsModel(method) && replayed(session, method).isEmpty()) {
            try {
                session.running();
            } catch (BootFailure failure) {
                ReportPlacement.attachBootLog(session, failure);
                throw failure;
            }
        }
    }

    /**
     * Under {@code modelgate.resume=true}, a test that passed or failed in the earlier run with
     * the same configuration is not run again: its outcome is replayed, and the report says so.
     */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        ModelSession session = session(context);
        Method method = context.getRequiredTestMethod();
        Optional<TestOutcome> reused = replayed(session, method);
        if (reused.isEmpty()) {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                // A test that did not pass while the server died under it is broken by the death.
                throw CandidateParameters.usesServer(method) ? session.explain(t, method.getName()) : t;
            }
            return;
        }
        invocation.skip();
        Report.allure().step("reused: " + reused.get().status().json() + " in the run started "
                + session.resume().startedAt() + " with the same configuration hash (-Dmodelgate.resume=true)");
        if (reused.get().status() == Status.FAILED) {
            throw new AssertionFailedError(reused.get().message() != null ? reused.get().message()
                    : "failed in the earlier run");
        }
    }

    private static Optional<TestOutcome> replayed(ModelSession session, Method method) {
        return session.resume().replayed(method.getName());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return CandidateParameters.supports(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        ModelSession session = session(context);
        Method method = context.getRequiredTestMethod();
        Class<?> type = parameterContext.getParameter().getType();
        return parameters.resolve(type, session, replayed(session, method).isPresent(), method,
                type == Evidence.class ? requirementOf(context) : Optional.empty(),
                evidence -> context.getStore(NAMESPACE).put(EVIDENCE, evidence));
    }

    private Optional<RequirementSpec> requirementOf(ExtensionContext context) {
        Requirement annotation = context.getRequiredTestMethod().getAnnotation(Requirement.class);
        if (annotation == null) {
            return Optional.empty();
        }
        return Optional.of(plan.requirements().get(annotation.value()).orElseThrow(() ->
                new ParameterResolutionException("@Requirement(\"" + annotation.value() + "\") on "
                        + context.getRequiredTestMethod().getName() + " is not defined in "
                        + plan.requirements().source() + "; defined: " + plan.requirements().requirements().keySet())));
    }

    private ModelSession session(ExtensionContext context) {
        ModelSession session = context.getStore(NAMESPACE).get(SESSION, ModelSession.class);
        if (session == null) {
            throw new IllegalStateException("no model session for " + candidate.id());
        }
        return session;
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, Status.PASSED, null);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        boolean assertion = cause instanceof AssertionError;
        record(context, assertion ? Status.FAILED : Status.BROKEN, cause);
        if (!assertion) {
            ReportPlacement.attachLogTail(session(context), cause);
        }
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, Status.SKIPPED, cause);
    }

    private void record(ExtensionContext context, Status status, Throwable cause) {
        ModelSession session = session(context);
        session.testRunning(null, null);
        Requirement annotation = context.getRequiredTestMethod().getAnnotation(Requirement.class);
        if (annotation == null) {
            return;
        }
        if (session.interrupted()) {
            return; // the interruption's record stands; what the test saw while the JVM stopped is no outcome
        }
        OutcomeRecorder.record(session, context.getRequiredTestMethod().getName(), annotation.value(), status, cause,
                context.getStore(NAMESPACE).get(EVIDENCE, RecordedEvidence.class));
    }
}
