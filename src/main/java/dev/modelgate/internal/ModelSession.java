package dev.modelgate.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.Engine;
import dev.modelgate.engine.EngineContext;
import dev.modelgate.engine.Engines;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.engine.ServingDialect;
import dev.modelgate.measure.memory.BootMemory;
import dev.modelgate.measure.memory.BudgetMode;
import dev.modelgate.verdict.CandidateResult;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One candidate's stay in the run: its result file, and its server, booted at most once and only
 * when a test first needs it (static tests never boot). A failed boot is remembered: every later
 * test that needs the server fails with the same {@link BootFailure}. Closing stops the server and
 * marks the result complete; it is registered in the invocation's store before anything starts,
 * so JUnit closes it even when the run fails half-way.
 */
final class ModelSession implements AutoCloseable {

    private final Candidate candidate;
    private final RunPlan plan;
    private final CandidateResult result;
    private RunningModel running;
    private ChatClient client;
    private BootFailure bootFailure;
    private BudgetMode.Prepared prepared;
    private boolean bootLogAttached;
    private boolean closed;

    private final Optional<CandidateResult> reusable;

    ModelSession(Candidate candidate, RunPlan plan) {
        this.candidate = candidate;
        this.plan = plan;
        boolean resume = plan.settings().getBoolean(Settings.RESUME);
        // Results carry the hash under the version the server reported; without a boot, under the
        // version the engine answers when asked (or "unknown", which never matches a booted run).
        Optional<String> version = resume ? engineVersionBeforeBoot() : Optional.empty();
        String hash = ConfigHash.of(candidate, plan.requirements(), plan.settings(), version);
        this.reusable = resume
                ? plan.store().read(candidate.id()).filter(r -> r.isComplete() && hash.equals(r.configHash()))
                : Optional.empty();
        this.result = CandidateResult.start(candidate, hash);
        reusable.ifPresent(previous -> result.resumeFrom(previous));
        reusable.ifPresent(previous -> System.out.println("[modelgate] " + candidate.id()
                + ": resuming; results of the run started " + previous.startedAt()
                + " are reused where they passed or failed"));
        persist();
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

    RunPlan plan() {
        return plan;
    }

    CandidateResult result() {
        return result;
    }

    synchronized void persist() {
        plan.store().write(result);
    }

    /** The running model, booting it on first use. */
    synchronized RunningModel running() {
        if (bootFailure != null) {
            throw bootFailure;
        }
        if (closed) {
            throw new IllegalStateException(candidate.id() + ": session already closed");
        }
        if (running == null) {
            boot();
        }
        if (!running.alive()) {
            String tail = running.log().map(l -> ChildProcess.tail(l, 40)).orElse("(no log)");
            bootFailure = new BootFailure(BootFailure.Kind.EXITED, candidate.id() + ": the server is no longer running"
                    + " (it died during an earlier test). Last log lines:\n" + tail, OptionalInt.empty(), running.log());
            result.fault("serverDied");
            persist();
            throw bootFailure;
        }
        return running;
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
            client = new ChatClient(model.baseUrl(), model.servedName(), plan.settings().apiKey(), options,
                    dialect::adapt);
        }
        return client;
    }

    Optional<RunningModel> runningIfBooted() {
        return Optional.ofNullable(running);
    }

    Optional<BootFailure> bootFailure() {
        return Optional.ofNullable(bootFailure);
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
            result.fault("bootFailures");
            ObjectNode f = CandidateResult.JSON.createObjectNode();
            f.put("kind", e.kind().name());
            f.put("message", e.getMessage());
            e.exitCode().ifPresent(code -> f.put("exitCode", code));
            e.log().ifPresent(log -> f.put("log", log.toString()));
            result.put("bootFailure", f);
            persist();
            throw e;
        }
        result.engine(running.engine(), running.engineVersion().orElse(null), running.details());
        result.put("configHash", CandidateResult.JSON.getNodeFactory().textNode(
                ConfigHash.of(candidate, plan.requirements(), plan.settings(), running.engineVersion())));
        result.bootSeconds(running.bootTime().toMillis() / 1000.0);
        persist();
    }

    private EngineContext engineContext() {
        return new EngineContext(plan.settings(), plan.store().dir().resolve(candidate.id()), plan.settings().apiKey(),
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
                result.complete(true);
                persist();
            }
        }
    }
}
