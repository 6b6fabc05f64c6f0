package dev.modelgate.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happens to the open sessions when the JVM is told to stop in the middle of a run (Ctrl-C,
 * SIGTERM; Maven's JVM passing it on to the test JVM): each session's result file is marked
 * interrupted and keeps {@code complete: false}, the test that was running is recorded as broken
 * by the interruption, and no server is booted any more. Servers already running are stopped by
 * {@link dev.modelgate.engine.ChildProcess}'s own shutdown hook.
 */
final class Interruption {

    private static final Set<ModelSession> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Interruption::stopAll, "modelgate-interruption"));
    }

    private Interruption() {
    }

    static void open(ModelSession session) {
        OPEN.add(session);
    }

    static void closed(ModelSession session) {
        OPEN.remove(session);
    }

    /** Whether the JVM is shutting down: nothing new may start. */
    static boolean stopping() {
        return stopping;
    }

    private static void stopAll() {
        stopping = true;
        for (ModelSession session : List.copyOf(OPEN)) {
            session.interrupt();
        }
    }
}
