package dev.modelgate.internal;

import dev.modelgate.Boot;
import dev.modelgate.Evidence;
import dev.modelgate.measure.memory.BootMemory;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.engine.ServerDied;
import dev.modelgate.report.Report;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.AssertionFailedError;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The per-candidate side of the extension: opens the candidate's {@link ModelSession} before its
 * tests and closes it after them, places each test in the report, boots the model for the first
 * test that needs it, resolves test parameters, and writes each test's outcome to the result file.
 */
final class CandidateExtension implements BeforeClassTemplateInvocationCallback, AfterClassTemplateInvocationCallback,
        BeforeEachCallback, ParameterResolver, TestWatcher, InvocationInterceptor {

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CandidateExtension.class);
    private static final String SESSION = "session";
    private static final String EVIDENCE = "evidence";
    private static final String PERMIT = "permit";
    private static final Set<Class<?>> BOOTING = Set.of(RunningModel.class, ChatClient.class, Boot.class,
            BootMemory.class);
    /** Parameters whose test is broken before it runs when the boot fails. */
    private static final Set<Class<?>> NEEDS_RUNNING = Set.of(RunningModel.class, ChatClient.class);
    private static final Set<Class<?>> RESOLVED = Set.of(Candidate.class, Requirements.class, Settings.class,
            Catalog.class, Evidence.class, RunningModel.class, ChatClient.class, Boot.class, BootMemory.class);
    private static final long LOG_ATTACHMENT_LIMIT = 4L * 1024 * 1024;

    private final Candidate candidate;
    private final RunPlan plan;
    private final int position;
    private final CandidateSlots slots;

    CandidateExtension(Candidate candidate, RunPlan plan, int position, CandidateSlots slots) {
        this.candidate = candidate;
        this.plan = plan;
        this.position = position;
        this.slots = slots;
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
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("epic", "qualification");
        labels.put("feature", spec.map(RequirementSpec::title).orElse(method.getName()));
        labels.put("story", candidate.name() + " (" + candidate.id() + ")");
        labels.put("parentSuite", "qualification");
        labels.put("suite", candidate.name() + " (" + candidate.id() + ")");
        labels.put("subSuite", spec.map(RequirementSpec::title).orElse(method.getName()));
        labels.put("severity", spec.map(s -> s.must().isPresent() ? "critical" : "minor").orElse("normal"));
        spec.ifPresent(s -> labels.put("tag", s.must().isPresent() ? "must-have" : "nice-to-have"));
        Report.allure().place(labels, Map.of("model", candidate.id()),
                "modelgate:" + candidate.id() + ":" + method.getDeclaringClass().getName() + "#" + method.getName());
        session.testRunning(method.getName(), spec.map(RequirementSpec::id).orElse(null));
        if (needsModel(method) && reusedOutcome(session, method).isEmpty()) {
            try {
                session.running();
            } catch (BootFailure failure) {
                attachBootLog(session, failure);
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
        Optional<JsonNode> reused = reusedOutcome(session, method);
        if (reused.isEmpty()) {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                // A test that did not pass while the server died under it is broken by the death.
                throw usesServer(method) ? session.explain(t, method.getName()) : t;
            }
            return;
        }
        invocation.skip();
        String from = session.reusable().map(r -> r.startedAt()).orElse("?");
        Report.allure().step("reused: " + reused.get().path("status").asText() + " in the run started " + from
                + " with the same configuration hash (-Dmodelgate.resume=true)");
        if ("failed".equals(reused.get().path("status").asText())) {
            throw new AssertionFailedError(reused.get().path("message").asText("failed in the earlier run"));
        }
    }

    private static Optional<JsonNode> reusedOutcome(ModelSession session, Method method) {
        return session.reusable().map(r -> r.test(method.getName()))
                .filter(t -> t.path("status").asText().equals("passed") || t.path("status").asText().equals("failed"));
    }

    private static boolean usesServer(Method method) {
        return Arrays.stream(method.getParameterTypes()).anyMatch(BOOTING::contains);
    }

    private static boolean needsModel(Method method) {
        return Arrays.stream(method.getParameterTypes()).anyMatch(NEEDS_RUNNING::contains);
    }

    private static void attachBootLog(ModelSession session, BootFailure failure) {
        if (failure.log().isPresent() && session.takeBootLogAttachment()) {
            Path log = failure.log().get();
            try {
                long size = Files.exists(log) ? Files.size(log) : 0;
                String text = size > LOG_ATTACHMENT_LIMIT ? ChildProcess.tail(log, 20_000) : Files.readString(log);
                Report.allure().attach("server log", "text/plain", "log", text);
            } catch (IOException e) {
                Report.allure().step("server log could not be read: " + e.getMessage());
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return RESOLVED.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Parameter parameter = parameterContext.getParameter();
        Class<?> type = parameter.getType();
        ModelSession session = session(context);
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
        if (BOOTING.contains(type) && reusedOutcome(session, context.getRequiredTestMethod()).isPresent()) {
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
            RequirementSpec spec = requirementOf(context).orElseThrow(() -> new ParameterResolutionException(
                    context.getRequiredTestMethod() + " takes Evidence but has no @Requirement; add"
                            + " @Requirement(\"<id from requirements.yaml>\")"));
            RecordedEvidence evidence = new RecordedEvidence(session, spec, Report.allure());
            context.getStore(NAMESPACE).put(EVIDENCE, evidence);
            return evidence;
        }
        throw new ParameterResolutionException("cannot resolve " + type);
    }

    private static Boot bootOf(ModelSession session) {
        Optional<BootFailure> failure = session.attemptBoot();
        failure.ifPresent(f -> attachBootLog(session, f));
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
        record(context, "passed", null);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        boolean assertion = cause instanceof AssertionError;
        record(context, assertion ? "failed" : "broken", cause);
        if (!assertion && (!(cause instanceof BootFailure) || cause instanceof ServerDied)) {
            session(context).runningIfBooted().flatMap(RunningModel::log).ifPresent(log ->
                    Report.allure().attach("server log (last 200 lines)", "text/plain", "log",
                            ChildProcess.tail(log, 200)));
        }
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, "skipped", cause);
    }

    private void record(ExtensionContext context, String status, Throwable cause) {
        ModelSession session = session(context);
        session.testRunning(null, null);
        Requirement annotation = context.getRequiredTestMethod().getAnnotation(Requirement.class);
        if (annotation == null) {
            return;
        }
        if (session.interrupted()) {
            return; // the interruption's record stands; what the test saw while the JVM stopped is no outcome
        }
        String method = context.getRequiredTestMethod().getName();
        session.result().test(method, status, cause == null ? null : cause.getMessage());
        String id = annotation.value();
        String previous = session.result().requirement(id).path("status").asText("");
        boolean decisive = status.equals("passed") || status.equals("failed");
        boolean previousDecisive = previous.equals("passed") || previous.equals("failed");
        if (!decisive && previousDecisive) {
            session.persist();
            return; // a served figure that could not be measured does not undo a declared one
        }
        RecordedEvidence evidence = context.getStore(NAMESPACE).get(EVIDENCE, RecordedEvidence.class);
        if (status.equals("passed") && evidence != null && !evidence.judged() && !previous.isEmpty()) {
            session.persist();
            return; // a test that only recorded figures leaves the requirement's judgement as it was
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("status", status);
        entry.put("test", context.getRequiredTestMethod().getName());
        if (cause != null && cause.getMessage() != null) {
            entry.put("message", cause.getMessage());
        }
        if (cause != null && !(cause instanceof AssertionError)) {
            entry.put("error", cause.getClass().getSimpleName());
            FaultKind.of(cause).ifPresent(kind -> entry.put("fault", kind.key()));
        }
        session.result().requirement(id, entry);
        session.persist();
    }
}
