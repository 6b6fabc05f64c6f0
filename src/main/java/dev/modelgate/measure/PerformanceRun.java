package dev.modelgate.measure;

import dev.modelgate.catalog.Sampling;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.Completion;
import dev.modelgate.client.ServerError;
import dev.modelgate.measure.server.ClientTally;
import dev.modelgate.measure.server.ServerCrossCheck;
import dev.modelgate.measure.server.ServerMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The performance measurements of one candidate, taken once and shared by the tests that report
 * them ({@link #sequential()} for TTFT and decode speed, {@link #sweep()} for concurrency).
 *
 * <p>Sequential series, one request in flight (short prompt, voice turn, fixed output, long
 * prompt), between two scrapes of the server's {@code /metrics} when it has vLLM's: each series first sends its warm-up requests
 * (never counted), then its samples. Every request starts with a prefix no other request of this
 * JVM has ({@code "Request <run>-<n>. "}), so the server's prefix cache cannot serve it.
 * The fixed-output prompt asks for {@code ignore_eos} and {@code min_tokens}; a server that
 * refuses them with HTTP 400 gets the request again without them, and a note says so.
 *
 * <p>Concurrency levels: {@code target} threads, each opening its connection first (one
 * {@code GET /v1/models}), then sending its requests back to back, all starting at one scheduled
 * instant; the lag between a request's scheduled and actual send is measured, and the peak
 * concurrency is read from when each request was really on the wire.
 */
public final class PerformanceRun {

    /** Warm-up requests for the long prompt at most: its prefills are long, and one compiles the shapes. */
    static final int LONG_WARMUP_MAX = 1;
    /** The series name of each prompt kind in samples and CSV. */
    public static final String SHORT = "short";
    public static final String VOICE_TURN = "voice-turn";
    public static final String FIXED_OUTPUT = "fixed-output";
    public static final String LONG = "long";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final ChatClient client;
    private final PerformancePrompts prompts;
    private final Sampling plan;
    private final String runId = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean outputControls = true;
    private OptionalInt servedContext = OptionalInt.empty();
    private SequentialResults sequential;
    private RuntimeException sequentialFailure;
    private List<ConcurrencyLevel> sweep;
    private RuntimeException sweepFailure;
    private volatile String activity = "starting";
    private volatile ClientTally tally;
    private ServerCrossCheck crossCheck;
    private String noCrossCheck = "not measured";

    public PerformanceRun(ChatClient client, PerformancePrompts prompts, Sampling plan) {
        this.client = client;
        this.prompts = prompts;
        this.plan = plan;
    }

    /** What was noticed while measuring (refused output controls, missing usage, bottlenecks …). */
    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** What the run was doing when it failed, e.g. {@code "sample 3 of the short prompt"}. */
    public String activity() {
        return activity;
    }

    /**
     * The sequential series, measured at the first call; a failure is kept and thrown again to
     * every caller, so the server is never sampled twice.
     */
    public synchronized SequentialResults sequential() {
        if (sequential == null && sequentialFailure == null) {
            try {
                sequential = measureSequential();
            } catch (RuntimeException e) {
                sequentialFailure = e;
            }
        }
        if (sequentialFailure != null) {
            throw sequentialFailure;
        }
        return sequential;
    }

    /** The concurrency sweep over the plan's levels, measured at the first call (after the sequential series). */
    public synchronized List<ConcurrencyLevel> sweep() {
        SequentialResults base = sequential();
        if (sweep == null && sweepFailure == null) {
            try {
                sweep = measureSweep(base);
            } catch (RuntimeException e) {
                sweepFailure = e;
            }
        }
        if (sweepFailure != null) {
            throw sweepFailure;
        }
        return sweep;
    }

    /**
     * The client's figures against the server's {@code /metrics} over the sequential series, or
     * empty (see {@link #noCrossCheck()}) when the server exposes no vLLM metrics.
     */
    public synchronized Optional<ServerCrossCheck> crossCheck() {
        sequential();
        return Optional.ofNullable(crossCheck);
    }

    /** Why there is no cross-check. */
    public synchronized String noCrossCheck() {
        return noCrossCheck;
    }

    /** The request fields merged into every request of this run (the candidate's performance fields). */
    public com.fasterxml.jackson.databind.node.ObjectNode requestFields() {
        return client.fields();
    }

    private SequentialResults measureSequential() {
        servedContext = servedContext();
        PerformanceCase shortCase = prompts.shortPrompt();
        PerformanceCase voiceCase = prompts.voiceTurn();
        PerformanceCase fixed = prompts.fixedOutput();
        PerformanceCase longCase = prompts.longPrompt();
        int n = plan.samples();
        Optional<ServerMetrics> before = scrape();
        tally = new ClientTally();
        List<Sample> shortSeries = series(SHORT, shortCase, plan.warmup(), n);
        List<Sample> voiceSeries = series(VOICE_TURN, voiceCase, plan.warmup(), n);
        List<Sample> fixedSeries = series(FIXED_OUTPUT, fixed, plan.warmup(), n);
        int longSamples = Math.max(1, n / 4);
        List<Sample> longSeries = series(LONG, longCase, Math.min(LONG_WARMUP_MAX, plan.warmup()), longSamples);
        ClientTally seen = tally;
        tally = null;
        Optional<ServerMetrics> after = before.isPresent() ? scrape() : Optional.empty();
        if (before.isPresent() && after.isPresent()) {
            synchronized (this) {
                crossCheck = ServerCrossCheck.of(before.get(), after.get(), seen);
            }
        }
        int longTokens = longCase.longTextTokens(servedContext, longCase.maxTokens(plan.maxTokens()));
        if (longTokens < longCase.promptTokens()) {
            note(String.format(Locale.ROOT, "the long prompt was capped to %,d tokens (of %,d asked in %s) to fit %.0f %%"
                    + " of the served context of %,d tokens", longTokens, longCase.promptTokens(), longCase.source(),
                    PerformanceCase.CONTEXT_SHARE * 100, servedContext.orElse(0)));
        }
        activity = "done";
        SequentialResults results = new SequentialResults(shortSeries, voiceSeries, fixedSeries, longSeries, longTokens,
                outputControls);
        results.problems().forEach(p -> note("usage " + p));
        return results;
    }

    /** {@code /metrics} as vLLM serves it, or empty (the reason kept) when the server has none. */
    private Optional<ServerMetrics> scrape() {
        Optional<String> text = client.text("/metrics");
        if (text.isEmpty()) {
            synchronized (this) {
                noCrossCheck = "the server answers no /metrics";
            }
            return Optional.empty();
        }
        try {
            ServerMetrics metrics = ServerMetrics.parse(text.get(), client.model());
            if (!metrics.has(ServerMetrics.TTFT + "_count")) {
                synchronized (this) {
                    noCrossCheck = "the server's /metrics has no " + ServerMetrics.TTFT + " (not a vLLM server)";
                }
                return Optional.empty();
            }
            return Optional.of(metrics);
        } catch (IllegalArgumentException e) {
            synchronized (this) {
                noCrossCheck = "the server's /metrics cannot be read: " + e.getMessage();
            }
            return Optional.empty();
        }
    }

    private OptionalInt servedContext() {
        try {
            OptionalInt context = client.servedContextLength();
            if (context.isEmpty()) {
                note("the server does not list the context length of " + client.model() + " in /v1/models; the long"
                        + " prompt is sent at its full length from its case file");
            }
            return context;
        } catch (RuntimeException e) {
            note("cannot read the served context length from /v1/models (" + e.getMessage() + "); the long prompt is"
                    + " sent at its full length");
            return OptionalInt.empty();
        }
    }

    private List<Sample> series(String name, PerformanceCase c, int warmup, int samples) {
        int maxTokens = c.maxTokens(plan.maxTokens());
        for (int i = 0; i < warmup; i++) {
            activity = "warm-up request " + (i + 1) + " of the " + name + " prompt (" + c.source() + ")";
            send(c, maxTokens);
        }
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            activity = "sample " + (i + 1) + " of " + samples + " of the " + name + " prompt (" + c.source() + ")";
            out.add(Sample.of(name, i, send(c, maxTokens), maxTokens, 0));
        }
        return out;
    }

    /** Sends one request of {@code c}; drops the output controls once if the server refuses them. */
    private Completion send(PerformanceCase c, int maxTokens) {
        Completion completion = sendOnce(c, maxTokens);
        ClientTally t = tally;
        if (t != null) {
            t.add(completion);
        }
        return completion;
    }

    private Completion sendOnce(PerformanceCase c, int maxTokens) {
        boolean controls = outputControls;
        ChatRequest request = c.request(nextPrefix(), maxTokens, servedContext, controls);
        try {
            return client.stream(request);
        } catch (ServerError e) {
            Optional<ContextOverflow> overflow = c.kind() == PerformanceCase.Kind.LONG ? ContextOverflow.of(e)
                    : Optional.empty();
            if (overflow.isPresent()) {
                synchronized (this) {
                    servedContext = overflow.get().shrink(servedContext);
                    note("the long prompt overflowed the context (" + e.serverMessage() + "); it is sized again for "
                            + servedContext.getAsInt() + " tokens by the tokenizer's own count");
                }
                return client.stream(c.request(nextPrefix(), maxTokens, servedContext, controls));
            }
            if (!(controls && c.kind() == PerformanceCase.Kind.FIXED_OUTPUT && refusesOutputControls(e))) {
                throw e;
            }
            synchronized (this) {
                if (outputControls) {
                    outputControls = false;
                    note("the server refused ignore_eos/min_tokens (HTTP " + e.status() + ": " + e.serverMessage()
                            + "); the fixed-output prompt runs without them, so its answers may stop before "
                            + maxTokens + " tokens (decode speed still counts the tokens from usage)");
                }
            }
            return client.stream(c.request(nextPrefix(), maxTokens, servedContext, false));
        }
    }

    static boolean refusesOutputControls(ServerError e) {
        if (e.status() != 400 && e.status() != 422) {
            return false;
        }
        String m = String.valueOf(e.serverMessage()).toLowerCase(Locale.ROOT);
        return m.contains("ignore_eos") || m.contains("min_tokens") || m.contains("unrecognized request argument")
                || m.contains("extra inputs are not permitted") || m.contains("extra_forbidden");
    }

    /** A prefix no other request of this JVM starts with. */
    String nextPrefix() {
        return "Request " + runId + "-" + SEQUENCE.incrementAndGet() + ". ";
    }

    private List<ConcurrencyLevel> measureSweep(SequentialResults base) {
        List<ConcurrencyLevel> levels = new ArrayList<>();
        for (int target : plan.concurrency()) {
            ConcurrencyLevel level = target == 1
                    ? ConcurrencyLevel.of(1, base.fixedOutputSeries(), 0, null, "the sequential fixed-output series")
                    : level(target);
            levels.add(level);
            if (level.clientBottleneck()) {
                note(level.describe());
            }
            if (level.failures() * 2 > level.failures() + level.samples().size()) {
                note("sweep stopped after concurrency " + target + ": " + level.failures() + " of "
                        + (level.failures() + level.samples().size()) + " requests failed, first: " + level.firstError());
                break;
            }
        }
        activity = "done";
        return levels;
    }

    /**
     * Measures one level on its own: {@code target} streams, each sending its share of the plan's
     * samples back to back, all from one scheduled start. {@link #sweep()} calls it per level.
     */
    public ConcurrencyLevel level(int target) {
        activity = "concurrency " + target;
        PerformanceCase c = prompts.fixedOutput();
        int maxTokens = c.maxTokens(plan.maxTokens());
        int rounds = Math.max(1, (plan.samples() + target - 1) / target);
        String series = "c" + target;
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicInteger index = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(target);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < target; t++) {
            Thread thread = new Thread(() -> {
                openConnection();
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long scheduled = start[0];
                for (int r = 0; r < rounds; r++) {
                    parkUntil(scheduled);
                    try {
                        Completion completion = send(c, maxTokens);
                        samples.add(Sample.of(series, index.getAndIncrement(), completion, maxTokens, scheduled));
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        firstError.compareAndSet(null, e.getMessage());
                    }
                    scheduled = System.nanoTime(); // the next request is due at once
                }
            }, "modelgate-c" + target + "-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            ready.await();
            start[0] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            go.countDown();
            long patience = TimeUnit.SECONDS.toMillis((long) (plan.requestTimeoutSeconds() * rounds + 30));
            for (Thread thread : threads) {
                thread.join(patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during concurrency " + target, e);
        }
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(java.util.Comparator.comparingLong(Sample::sentNanos));
        return ConcurrencyLevel.of(target, sorted, failures.get(), firstError.get(), null);
    }

    /**
     * One cheap request before the scheduled start, so that the pool holds open connections and
     * the level's schedule measures requests, not TCP handshakes.
     */
    private void openConnection() {
        try {
            client.get("/v1/models");
        } catch (RuntimeException e) {
            // only a warm-up: the measured request will report what is wrong
        }
    }

    /** Parks until {@code deadline}; start[] is published by the latch, so the read is safe. */
    private static void parkUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    private void note(String text) {
        notes.add(text);
    }
}
