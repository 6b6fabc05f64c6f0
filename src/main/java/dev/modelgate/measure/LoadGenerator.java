package dev.modelgate.measure;

import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.Completion;
import dev.modelgate.client.StreamDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Runs a {@link LoadProfile} through a {@link StreamDriver}: one scheduler thread sends every
 * request at its due instant (parking until just before it, then spinning the last
 * {@value #SPIN_NANOS} ns), having made its bytes before ({@link StreamDriver#prepare}); the
 * driver's selector thread reads the streams. Open loop: the due instants come from
 * {@link ArrivalSchedule}. Closed loop: {@code streams} requests are due at the start, all made
 * before it, and each end makes the next one due at that instant; the thread that saw the end
 * sends it. Every request is measured from when it was due; the send lag is kept beside it.
 */
public final class LoadGenerator {

    static final long SPIN_NANOS = 100_000;
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final StreamDriver driver;
    private final IntFunction<ChatRequest> requests;
    private final int maxTokens;
    private final Duration patience;

    /**
     * @param requests  request {@code i} of a run (each should start with a prefix of its own, so
     *                  that a prefix cache cannot serve it)
     * @param maxTokens what the requests ask for (0: no limit), to check their usage
     * @param patience  how long to wait for the last streams after the schedule has ended
     */
    public LoadGenerator(StreamDriver driver, IntFunction<ChatRequest> requests, int maxTokens, Duration patience) {
        this.driver = driver;
        this.requests = requests;
        this.maxTokens = maxTokens;
        this.patience = patience;
    }

    /** One outcome: when it was due, and its completion or failure. */
    private record Outcome(int index, long dueNanos, Completion completion, Throwable failure) {
    }

    /**
     * Sends {@code requests} requests one after the other, {@code concurrent} at a time, never
     * counted: the first requests of a JVM (class loading, compilation) and of a server are slow,
     * and a schedule that starts cold falls behind for seconds.
     */
    public void warmUp(int requests, int concurrent) {
        for (int done = 0; done < requests; done += concurrent) {
            List<CompletableFuture<?>> wave = new ArrayList<>();
            for (int i = 0; i < concurrent && done + i < requests; i++) {
                wave.add(driver.stream(this.requests.apply(-1 - done - i)).handle((c, e) -> null));
            }
            wave.forEach(CompletableFuture::join);
        }
    }

    public LoadResult run(LoadProfile profile) {
        if (profile.closedLoop()) {
            driver.openConnections(profile.streams());
        }
        StreamDriver.Prepared[] burst = firstBurst(profile);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime() + START_DELAY_NANOS;
        Runnable schedule = profile.closedLoop() ? () -> new ClosedLoop(profile, start, outcomes, pending, burst).run()
                : () -> openLoop(profile, start, outcomes, pending);
        Thread scheduler = new Thread(schedule, "modelgate-load-scheduler");
        scheduler.setDaemon(true);
        scheduler.start();
        try {
            scheduler.join();
            List<CompletableFuture<?>> all;
            synchronized (pending) {
                all = List.copyOf(pending);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + profile.describe(), e);
        } catch (TimeoutException e) {
            // streams still open are left out and counted as failures below
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return result(profile, start, outcomes, pending.size());
    }

    private void openLoop(LoadProfile profile, long start, List<Outcome> outcomes, List<CompletableFuture<?>> pending) {
        long[] offsets = ArrivalSchedule.offsetsNanos(profile);
        for (int i = 0; i < offsets.length; i++) {
            long due = start + offsets[i];
            StreamDriver.Prepared next = prepare(i);
            waitUntil(due);
            pending.add(send(i, next, due, outcomes, null));
        }
    }

    /** A closed loop's first requests, all due at the start, made before it; none for a rate. */
    private StreamDriver.Prepared[] firstBurst(LoadProfile profile) {
        if (!profile.closedLoop()) {
            return new StreamDriver.Prepared[0];
        }
        int n = profile.requests() > 0 ? Math.min(profile.streams(), profile.requests()) : profile.streams();
        StreamDriver.Prepared[] burst = new StreamDriver.Prepared[n];
        for (int i = 0; i < n; i++) {
            burst[i] = prepare(i);
        }
        return burst;
    }

    /** Request {@code index}'s bytes, made before it is due; null when making it failed (the send then fails it). */
    private StreamDriver.Prepared prepare(int index) {
        try {
            return driver.prepare(requests.apply(index));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Closed loop: every stream's first request is due at the start and sent by the scheduler;
     * each later one is due when the stream's previous request ends, and is sent at once by the
     * thread that saw that end. Handing it to the scheduler instead would add a thread wake-up to
     * every send (milliseconds on a busy machine), which a thread per stream does not pay. After
     * a failure the next request goes through the scheduler, so that a server refusing at once
     * cannot make the sends recurse.
     */
    private final class ClosedLoop {
        private final LoadProfile profile;
        private final List<Outcome> outcomes;
        private final List<CompletableFuture<?>> pending;
        private final long stopAt;
        private final LinkedBlockingQueue<Long> due = new LinkedBlockingQueue<>();
        private final AtomicInteger active;
        private final AtomicInteger sent = new AtomicInteger();
        private final StreamDriver.Prepared[] first;

        ClosedLoop(LoadProfile profile, long start, List<Outcome> outcomes, List<CompletableFuture<?>> pending,
                   StreamDriver.Prepared[] first) {
            this.profile = profile;
            this.first = first;
            this.outcomes = outcomes;
            this.pending = pending;
            this.stopAt = profile.requests() > 0 ? Long.MAX_VALUE : start + profile.duration().toNanos();
            this.active = new AtomicInteger(profile.streams());
            for (int s = 0; s < profile.streams(); s++) {
                due.add(start);
            }
        }

        /** The scheduler's part: the first requests, and those after a failure; returns when every stream has stopped. */
        void run() {
            try {
                while (active.get() > 0) {
                    Long at = due.poll(10, TimeUnit.MILLISECONDS);
                    if (at != null) {
                        waitUntil(at);
                        next(at);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Sends a stream's next request, due {@code at}, or stops the stream when the run is over. */
        private void next(long at) {
            int index = sent.getAndIncrement();
            if (at - stopAt >= 0 || profile.requests() > 0 && index >= profile.requests()) {
                active.decrementAndGet();
                return;
            }
            pending.add(send(index, index < first.length ? first[index] : prepare(index), at, outcomes, (end, failed) -> {
                if (failed) {
                    due.add(end);
                } else {
                    next(end);
                }
            }));
        }
    }

    /** Told when a request ended ({@link System#nanoTime()}) and whether it failed. */
    private interface Ended {
        void ended(long endNanos, boolean failed);
    }

    private CompletableFuture<?> send(int index, StreamDriver.Prepared prepared, long dueNanos, List<Outcome> outcomes,
                                      Ended next) {
        CompletableFuture<Completion> stream;
        try {
            stream = prepared != null ? driver.send(prepared) : driver.stream(requests.apply(index));
        } catch (RuntimeException e) {
            stream = CompletableFuture.failedFuture(e);
        }
        return stream.handle((completion, failure) -> {
            long end = System.nanoTime();
            outcomes.add(new Outcome(index, dueNanos, completion, failure));
            if (next != null) {
                next.ended(end, failure != null);
            }
            return null;
        });
    }

    /** Parks until just before {@code deadline}, then spins to it. */
    static void waitUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > SPIN_NANOS) {
            LockSupport.parkNanos(remaining - SPIN_NANOS);
        }
        while (deadline - System.nanoTime() > 0) {
            Thread.onSpinWait();
        }
    }

    private LoadResult result(LoadProfile profile, long start, List<Outcome> outcomes, int sent) {
        List<Outcome> all;
        synchronized (outcomes) {
            all = new ArrayList<>(outcomes);
        }
        all.sort(Comparator.comparingLong(Outcome::dueNanos).thenComparingInt(Outcome::index));
        long lastDue = all.isEmpty() ? start : all.get(all.size() - 1).dueNanos();
        long countFrom = start + profile.warmUp().toNanos();
        long countTo = lastDue - profile.coolDown().toNanos();
        List<LoadSample> counted = new ArrayList<>();
        int excluded = 0;
        int failures = 0;
        String firstError = null;
        for (Outcome o : all) {
            if (o.dueNanos() - countFrom < 0 || o.dueNanos() - countTo > 0) {
                excluded++;
            } else if (o.failure() != null) {
                failures++;
                Throwable t = o.failure() instanceof java.util.concurrent.CompletionException && o.failure().getCause() != null
                        ? o.failure().getCause() : o.failure();
                firstError = firstError == null ? t.getMessage() : firstError;
            } else {
                counted.add(new LoadSample(o.dueNanos(), Sample.of("load", o.index(), o.completion(), maxTokens,
                        o.dueNanos())));
            }
        }
        if (all.size() < sent) {
            // streams that had not ended when the patience ran out
            failures += sent - all.size();
            firstError = firstError == null ? (sent - all.size()) + " stream(s) still open " + patience.toSeconds()
                    + " s after the schedule ended" : firstError;
        }
        List<Sample> plain = counted.stream().map(LoadSample::sample).toList();
        long window = counted.isEmpty() ? 0 : counted.stream().mapToLong(s -> s.sample().doneNanos()).max().getAsLong()
                - counted.get(0).scheduledNanos();
        return new LoadResult(profile, counted, excluded, failures, firstError, ConcurrencyLevel.peak(plain), window);
    }
}
