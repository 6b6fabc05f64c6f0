package dev.modelgate.internal;

import dev.modelgate.verdict.ResultFiles;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.CandidateKeys;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.Engine;
import dev.modelgate.engine.EngineContext;
import dev.modelgate.engine.registry.Engines;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.engine.ServerDied;
import dev.modelgate.engine.ServingDialect;
import dev.modelgate.measure.memory.BootMemory;
import dev.modelgate.measure.memory.BudgetMode;
import dev.modelgate.verdict.CandidateResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One candidate's stay in the run: its result file, and its server, booted at most once and only
 * when a test first needs it (static tests never boot). A failed boot is remembered: every later
 * test that needs the server fails with the same {@link BootFailure}. Closing stops the server and
 * marks the result complete; it is registered in the invocation's store before anything starts,
 * so JUnit closes it even when the run fails half-way.
 *
 * <p>Faults of the server are counted by {@link ServerFaults}; what an earlier run decided is
 * reused through {@link ResumeState}. When the JVM is told to stop ({@link Interruption}) the
 * result is marked interrupted and stays incomplete.
 */
final class ModelSession implements AutoCloseable {

    private final Candidate candidate;
    private final RunPlan plan;
    private final ResultLedger ledger;
    private final ServerFaults faults;
    private final ResumeState resume;
    private RunningModel running;
    private ChatClient client;
    private ChatClient qualityClient;
    private BootFailure bootFailure;
    private BudgetMode.Prepared prepared;
    private boolean bootLogAttached;
    private boolean closed;
    private volatile boolean interrupted;
    private volatile String runningTest;
    private volatile String runningRequirement;

    ModelSession(Candidate candidate, RunPlan plan) {
        this.candidate = candidate;
        this.plan = plan;
        boolean resume = ResumeState.wanted(plan);
        // Results carry the hash under the version the server reported; without a boot, under the
        // version the engine answers when asked (or "unknown", which never matches a booted run).
        Optional<String> version = resume ? engineVersionBeforeBoot() : Optional.empty();
        String hash = ConfigHash.of(candidate, plan.requirements(), plan.settings(), version);
        this.resume = resume ? ResumeState.find(candidate, plan, hash) : ResumeState.none();
        CandidateResult result = CandidateResult.start(candidate, hash);
        result.configuration(hash, ConfigHash.parts(candidate, plan.requirements(), plan.settings(), version));
        this.resume.carryInto(result, candidate.id());
        this.ledger = new ResultLedger(result, plan.store());
        this.faults = new ServerFaults(candidate.id(), ledger);
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

    /** What an earlier run with the same configuration hash decided, under {@code modelgate.resume=true}. */
    ResumeState resume() {
        return resume;
    }

    Candidate candidate() {
        return candidate;
    }

    CandidateResult result() {
        return ledger.result();
    }

    void persist() {
        ledger.persist();
    }

    /** The running model, booting it on first use. */
    synchronized RunningModel running() {
        if (bootFailure != null) {
            throw bootFailure;
        }
        Optional<ServerDied> death = faults.death();
        if (death.isPresent()) {
            throw death.get();
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
            throw faults.diedBefore(null);
        }
        return running;
    }

    /**
     * What a test that ended with {@code error} (test {@code test}) should report: {@link ServerDied}
     * when the server died meanwhile (counted once), else {@code error} itself.
     */
    Throwable explain(Throwable error, String test) {
        return interrupted ? error : faults.explain(error, test);
    }

    /** Told by the chat client of every error it throws. */
    private void onClientFailure(RuntimeException error) {
        if (!interrupted) {
            faults.onClientFailure(error, runningTest);
        }
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
        ledger.interrupted(runningTest, runningRequirement);
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
            result().requestFields(Map.of(
                    "performance", candidate.requestFields().performance(),
                    "quality", candidate.requestFields().quality()));
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
            ledger.bootFailed(e);
            System.out.println("[modelgate] " + candidate.id() + ": boot failed (" + e.kind() + "): "
                    + e.getMessage().lines().findFirst().orElse("") + e.log().map(l -> " [log: " + l + "]").orElse("")
                    + "; every test that needs the server is broken");
            throw e;
        }
        faults.watch(running);
        result().engine(running.engine(), running.engineVersion().orElse(null), running.details());
        result().configuration(ConfigHash.of(candidate, plan.requirements(), plan.settings(), running.engineVersion()),
                ConfigHash.parts(candidate, plan.requirements(), plan.settings(), running.engineVersion()));
        result().bootSeconds(running.bootTime().toMillis() / 1000.0);
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
                    ledger.complete();
                }
            }
        }
    }
}
