package dev.modelgate.internal;

import dev.modelgate.catalog.Candidate;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many candidates of a run are qualified at once: at most {@code modelgate.parallel} (default 1),
 * and never a candidate whose server runs on this machine beside another such candidate. Servers
 * on other machines ({@code external}) share nothing with each other, so their figures stay their
 * own; a server started here (vLLM, its container, Ollama, llama.cpp) holds this machine's GPU or
 * CPU, and two of them would measure each other. The JUnit invocations may run concurrently
 * (JUnit's parallel execution); each takes a {@link Permit} before its session opens and gives it
 * back after its server was stopped.
 */
final class CandidateSlots {

    /** Candidates qualified at once (JUnit's parallel execution must be on for more than 1). */
    static final String PARALLEL = "modelgate.parallel";

    /** One local server at a time in this JVM, whatever the run. */
    private static final Semaphore LOCAL_MACHINE = new Semaphore(1, true);

    private final Semaphore slots;
    private final int size;

    CandidateSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException(PARALLEL + " must be a whole number ≥ 1, not " + size);
        }
        this.size = size;
        this.slots = new Semaphore(size, true);
    }

    int size() {
        return size;
    }

    /** Whether the candidate's server runs on this machine (anything but {@code external}). */
    static boolean local(Candidate candidate) {
        return !"external".equals(candidate.engine().type());
    }

    /** Waits for a slot (and, for a local server, for the machine); the permit gives them back once. */
    Permit acquire(Candidate candidate) throws InterruptedException {
        slots.acquire();
        boolean local = local(candidate);
        if (local) {
            try {
                LOCAL_MACHINE.acquire();
            } catch (InterruptedException e) {
                slots.release();
                throw e;
            }
        }
        return new Permit(local);
    }

    /** A held slot; closing it (once) lets the next candidate start. */
    final class Permit implements AutoCloseable {

        private final boolean local;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit(boolean local) {
            this.local = local;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                if (local) {
                    LOCAL_MACHINE.release();
                }
                slots.release();
            }
        }
    }
}
