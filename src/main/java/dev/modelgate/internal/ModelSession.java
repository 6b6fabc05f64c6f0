package dev.modelgate.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.CandidateKeys;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.ProtocolError;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.Engine;
import dev.modelgate.engine.EngineContext;
import dev.modelgate.engine.registry.Engines;
import dev.modelgate.engine.ProcessModel;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.engine.ServerDied;
import dev.modelgate.engine.ServingDialect;
import dev.modelgate.measure.memory.BootMemory;
import dev.modelgate.measure.memory.BudgetMode;
import dev.modelgate.verdict.CandidateResult;
import dev.modelgate.verdict.ConfigParts;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One candidate's stay in the run: its result file, and its server, booted at most once and only
 * when a test first needs it (static tests never boot). A failed boot is remembered: every later
 * test that needs the server fails with the same {@link BootFailure}. Closing stops the server and
 * marks the result complete; it is registered in the invocation's store before anything starts,
 * so JUnit closes it even when the run fails half-way.
 *
 * <p>Faults are counted in the result file ({@link FaultKind}): boot failures here, every error
 * the chat client meets through its failure hook (so a quality case without an answer counts
 * even though its suite carries on), and a server that died, once. A test that does not pass
 * while the server dies under it is broken by {@link ServerDied}, whether it failed or broke. When
 * the JVM is told to stop ({@link Interruption}) the result is marked interrupted and stays
 * incomplete.
 */
final class ModelSession implements AutoCloseable {

    private final Candidate candidate;
    private final RunPlan plan;
    private final CandidateResult result;
    private RunningModel running;
    private ChatClient client;
    private ChatClient qualityClient;
    private BootFailure bootFailure;
    private BudgetMode.Prepared prepared;
    private boolean bootLogAttached;
    private boolean closed;
    private final Object writes = new Object();
    private volatile boolean interrupted;
    private boolean deathCounted;
    private volatile String runningTest;
    private volatile String runningRequirement;

    private final Optional<CandidateResult> reusable;

    ModelSession(Candidate candidate, RunPlan plan) {
        this.candidate = candidate;
        this.plan = plan;
        boolean resume = plan.settings().getBoolean(Settings.RESUME);
        // Results carry the hash under the version the server reported; without a boot, under the
        // version the engine answers when asked (or "unknown", which never matches a booted run).
        Optional<String> version = resume ? engineVersionBeforeBoot() : Optional.empty();
        String hash = ConfigHash.of(candidate, plan.requirements(), plan.settings(), version);
        // An incomplete result (a run that was killed or interrupted) is reused too: what it decided
        // was written when it was decided.
        this.reusable = resume
                ? plan.store().read(candidate.id()).filter(r -> hash.equals(r.configHash()))
                : Optional.empty();
        this.result = CandidateResult.start(candidate, hash);
        result.put(ConfigParts.FIELD, ConfigHash.parts(candidate, plan.requirements(), plan.settings(), version).toJson());
        reusable.ifPresent(previous -> result.resumeFrom(previous));
        reusable.ifPresent(previous -> System.out.println("[modelgate] " + candidate.id()
                + ": resuming; results of the " + (previous.isComplete() ? "" : "unfinished ") + "run started "
                + previous.startedAt() + " are reused where they passed or failed"));
        persist();
        Interruption.open(this);
    }

    private Optional<String> engineVersionBeforeBoot() {
        try {
            return Engines.forType(candidate.engine().type()).probeVersion(candidate, engineContext());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The earlier complete result with the same configuration hash, under {@code modelgate.resume=true}. */
    Optional<CandidateResult> reusable() {
        return reusable;
    }

    Candidate candidate() {
        return candidate;
    }

    CandidateResult result() {
        return result;
    }

    void persist() {
        synchronized (writes) {
            plan.store().write(result);
        }
    }

    /** The running model, booting it on first use. */
    synchronized RunningModel running() {
        if (bootFailure != null) {
            throw bootFailure;
        }
        if (closed) {
            throw new IllegalStateException(candidate.id() + ": session already closed");
        }
        if (interrupted || Interruption.stopping()) {
            throw new IllegalStateException(candidate.id() + ": the run is being stopped (interrupted); no server is"
                    + " started or used any more");
        }
        if (running == null) {
            boot();
        }
        if (!running.alive()) {
            diedBefore(null);
            throw bootFailure;
        }
        return running;
    }

    /**
     * What a test that ended with {@code error} (test {@code test}) should report: {@link ServerDied}
     * when the server died meanwhile (counted once), else {@code error} itself.
     */
    Throwable explain(Throwable error, String test) {
        if (interrupted || error instanceof BootFailure
                || !serverGone(FaultKind.of(error).orElse(null) == FaultKind.PROTOCOL_ERRORS)) {
            return error;
        }
        synchronized (this) {
            ServerDied during = new ServerDied(candidate.id() + ": the server died during this test" + exit()
                    + ". Last log lines:\n" + logTail(), exitCode(), running.log(), error);
            diedBefore(test);
            return during;
        }
    }

    /** Counts the death once and keeps the failure every later test that needs the server gets. */
    private synchronized void diedBefore(String test) {
        if (bootFailure == null) {
            bootFailure = new ServerDied(candidate.id() + ": the server is no longer running (it died during "
                    + (test == null ? "an earlier test" : test) + exit() + "). Last log lines:\n" + logTail(),
                    exitCode(), running.log(), null);
        }
        if (!deathCounted) {
            deathCounted = true;
            result.fault(FaultKind.SERVER_DIED.key());
            persist();
        }
    }

    /**
     * Whether the booted server's process has exited; after a connection-level error, waits a
     * moment for it (the connection drops as the process dies, the exit is seen a little later).
     */
    private boolean serverGone(boolean waitForExit) {
        RunningModel model = running;
        if (model == null) {
            return false;
        }
        if (waitForExit) {
            model.process().ifPresent(p -> {
                try {
                    p.onExit().get(500, TimeUnit.MILLISECONDS);
                } catch (Exception stillRunning) {
                    // alive, or cannot tell: decided below
                }
            });
        }
        return !model.alive();
    }

    private OptionalInt exitCode() {
        return running instanceof ProcessModel p ? p.child().exitCode() : OptionalInt.empty();
    }

    private String exit() {
        OptionalInt code = exitCode();
        return code.isPresent() ? ", exit code " + code.getAsInt() : "";
    }

    private String logTail() {
        return running.log().map(l -> ChildProcess.tail(l, 40)).orElse("(no log)");
    }

    /** Told by the chat client of every error it throws: counts the faults among them. */
    private void onClientFailure(RuntimeException error) {
        if (interrupted) {
            return;
        }
        Optional<FaultKind> kind = FaultKind.of(error);
        if (kind.isEmpty()) {
            return; // a refusal (HTTP 4xx) is an answer, judged by the requirement
        }
        if (kind.get() != FaultKind.SERVER_ERRORS && serverGone(error instanceof ProtocolError)) {
            synchronized (this) {
                diedBefore(runningTest);
            }
            return;
        }
        result.fault(kind.get().key());
        persist();
    }

    /** The test now running (for the interruption record); {@code null} when none. */
    void testRunning(String test, String requirement) {
        runningTest = test;
        runningRequirement = requirement;
    }

    boolean interrupted() {
        return interrupted;
    }

    /**
     * The JVM is stopping in the middle of this candidate: the result says so, the test that was
     * running is broken by it, and the file stays incomplete.
     */
    void interrupt() {
        interrupted = true;
        ObjectNode note = CandidateResult.JSON.createObjectNode();
        note.put("at", Instant.now().toString());
        if (runningTest != null) {
            note.put("test", runningTest);
        }
        note.put("message", "the JVM was told to stop (Ctrl-C, SIGINT or SIGTERM) before this candidate was done");
        result.put("interrupted", note);
        String requirement = runningRequirement;
        if (requirement != null) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", "broken");
            entry.put("test", runningTest);
            entry.put("error", "Interrupted");
            entry.put("message", "interrupted: the run was stopped while this test ran; nothing was concluded. Run"
                    + " again; -D" + Settings.RESUME + "=true keeps what was decided before");
            result.requirement(requirement, entry);
        }
        result.complete(false);
        persist();
    }

    /** A chat client bound to the running model (boots it on first use). */
    synchronized ChatClient client() {
        RunningModel model = running();
        if (client == null) {
            Sampling s = plan.requirements().sampling();
            ClientOptions options = ClientOptions.DEFAULTS.withTimeouts(
                    Duration.ofMillis((long) (s.idleTimeoutSeconds() * 1000)),
                    Duration.ofMillis((long) (s.requestTimeoutSeconds() * 1000)));
            ServingDialect dialect = model.dialect();
            if (!dialect.ignoredFields().isEmpty()) {
                System.out.println("[modelgate] " + candidate.id() + ": " + dialect.name() + " ignores "
                        + dialect.ignoredFields() + "; requests are sent without them, so forced tool calls and"
                        + " forced output lengths are not assumed");
            }
            client = new ChatClient(model.baseUrl(), model.servedName(), CandidateKeys.of(candidate, plan.settings()), options,
                    dialect::adapt, this::onClientFailure);
            // The candidate's quality request fields go into every request of this client; the
            // performance tests replace them with its performance fields.
            qualityClient = client.withFields(candidate.requestFields().quality());
            result.put("requestFields", CandidateResult.JSON.valueToTree(Map.of(
                    "performance", candidate.requestFields().performance(),
                    "quality", candidate.requestFields().quality())));
        }
        return qualityClient;
    }

    Optional<RunningModel> runningIfBooted() {
        return Optional.ofNullable(running);
    }

    /** Whether the boot log still has to be attached (only to the first test the failure breaks). */
    synchronized boolean takeBootLogAttachment() {
        if (bootLogAttached) {
            return false;
        }
        bootLogAttached = true;
        return true;
    }

    /** Boots unless already attempted; a failure is remembered, not thrown. */
    synchronized Optional<BootFailure> attemptBoot() {
        try {
            running();
            return Optional.empty();
        } catch (BootFailure e) {
            return Optional.of(e);
        }
    }

    /** The readings taken right before boot (and the budget it was given); boots if needed. */
    synchronized BootMemory bootMemory() {
        attemptBoot();
        return prepared != null ? prepared.boot()
                : BootMemory.takeBeforeBoot(plan.settings(), Optional.empty(), "the candidate was not booted");
    }

    private void boot() {
        Engine engine;
        EngineContext context = engineContext();
        try {
            engine = Engines.forType(candidate.engine().type());
            // Budget mode: the vram must-have becomes the server's memory budget; readings taken last.
            prepared = BudgetMode.prepare(candidate, plan.requirements(), plan.settings());
            running = engine.start(prepared.candidate(), context);
        } catch (BootFailure e) {
            bootFailure = e;
            result.fault(FaultKind.BOOT_FAILURES.key());
            ObjectNode f = CandidateResult.JSON.createObjectNode();
            f.put("kind", e.kind().name());
            f.put("message", e.getMessage());
            e.exitCode().ifPresent(code -> f.put("exitCode", code));
            e.log().ifPresent(log -> f.put("log", log.toString()));
            result.put("bootFailure", f);
            persist();
            System.out.println("[modelgate] " + candidate.id() + ": boot failed (" + e.kind() + "): "
                    + e.getMessage().lines().findFirst().orElse("") + e.log().map(l -> " [log: " + l + "]").orElse("")
                    + "; every test that needs the server is broken");
            throw e;
        }
        result.engine(running.engine(), running.engineVersion().orElse(null), running.details());
        result.put("configHash", CandidateResult.JSON.getNodeFactory().textNode(
                ConfigHash.of(candidate, plan.requirements(), plan.settings(), running.engineVersion())));
        result.put(ConfigParts.FIELD, ConfigHash.parts(candidate, plan.requirements(), plan.settings(),
                running.engineVersion()).toJson());
        result.bootSeconds(running.bootTime().toMillis() / 1000.0);
        persist();
    }

    private EngineContext engineContext() {
        return new EngineContext(plan.settings(), plan.store().dir().resolve(candidate.id()), CandidateKeys.of(candidate, plan.settings()),
                line -> System.out.println(line));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            try {
                if (running != null) {
                    running.close();
                }
            } finally {
                Interruption.closed(this);
                if (!interrupted) {
                    result.complete(true);
                    persist();
                }
            }
        }
    }
}
