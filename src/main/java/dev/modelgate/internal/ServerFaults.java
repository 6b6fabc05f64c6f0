package dev.modelgate.internal;

import dev.modelgate.client.ProtocolError;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.ProcessModel;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.engine.ServerDied;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The faults of a booted server, counted in the result file ({@link FaultKind}): every error the
 * chat client meets (so a quality case without an answer counts even though its suite carries on),
 * and a server that died, once. After a death every later test that needs the server gets the same
 * {@link ServerDied}; a test that does not pass while the server dies under it is broken by it.
 */
final class ServerFaults {

    private final String candidateId;
    private final ResultLedger ledger;
    private volatile RunningModel running;
    private ServerDied death;
    private boolean deathCounted;

    ServerFaults(String candidateId, ResultLedger ledger) {
        this.candidateId = candidateId;
        this.ledger = ledger;
    }

    /** The server to watch, once it is ready. */
    void watch(RunningModel model) {
        running = model;
    }

    /** The failure later tests get, once the server died. */
    synchronized Optional<ServerDied> death() {
        return Optional.ofNullable(death);
    }

    /**
     * What a test that ended with {@code error} should report: {@link ServerDied} when the server
     * died meanwhile (counted once), else {@code error} itself.
     */
    Throwable explain(Throwable error, String test) {
        if (error instanceof BootFailure
                || !serverGone(FaultKind.of(error).orElse(null) == FaultKind.PROTOCOL_ERRORS)) {
            return error;
        }
        synchronized (this) {
            ServerDied during = new ServerDied(candidateId + ": the server died during this test" + exit()
                    + ". Last log lines:\n" + logTail(), exitCode(), running.log(), error);
            diedBefore(test);
            return during;
        }
    }

    /** Counts the death once and keeps the failure every later test that needs the server gets. */
    synchronized ServerDied diedBefore(String test) {
        if (death == null) {
            death = new ServerDied(candidateId + ": the server is no longer running (it died during "
                    + (test == null ? "an earlier test" : test) + exit() + "). Last log lines:\n" + logTail(),
                    exitCode(), running.log(), null);
        }
        if (!deathCounted) {
            deathCounted = true;
            ledger.fault(FaultKind.SERVER_DIED);
        }
        return death;
    }

    /** Told of every error the chat client throws while test {@code test} runs: counts the faults among them. */
    void onClientFailure(RuntimeException error, String test) {
        Optional<FaultKind> kind = FaultKind.of(error);
        if (kind.isEmpty()) {
            return; // a refusal (HTTP 4xx) is an answer, judged by the requirement
        }
        if (kind.get() != FaultKind.SERVER_ERRORS && serverGone(error instanceof ProtocolError)) {
            diedBefore(test);
            return;
        }
        ledger.fault(kind.get());
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
}
