package dev.modelgate.bench;

import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.Completion;
import dev.modelgate.client.StreamDriver;
import dev.modelgate.measure.ConcurrencyLevel;
import dev.modelgate.measure.Distribution;
import dev.modelgate.measure.LoadGenerator;
import dev.modelgate.measure.LoadProfile;
import dev.modelgate.measure.LoadResult;
import dev.modelgate.measure.PerformancePrompts;
import dev.modelgate.measure.PerformanceRun;
import dev.modelgate.measure.Sample;
import dev.modelgate.sim.SimScript;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stream driver (one scheduler thread, one selector thread) against today's client (one
 * thread per stream), in one run against the simulator in a process of its own: TTFT overhead of
 * sequential requests, and closed-loop levels up to 1,000 streams. Per level the delay beyond
 * the injected TTFT is split into the client's part and the simulator's ({@link LagSplit}); a
 * level where the simulator, not the client, fell behind is reported as such (its latencies say
 * nothing about the client), and a series stops at a failure or when the client held streams
 * back. Every figure is printed with the load average at that moment.
 */
public final class LoadBenchmark {

    /** The levels, {@code -Dbench.levels=64,256,1000} by default. */
    private static final int[] LEVELS = java.util.Arrays.stream(System.getProperty("bench.levels", "64,256,1000")
            .split(",")).mapToInt(l -> Integer.parseInt(l.trim())).toArray();
    private static final double SEQUENTIAL_TTFT_MS = 100;
    private static final double LEVEL_TTFT_MS = 250;
    /** The simulator is behind when its part of the delay is over this (p99) and over the client's. */
    private static final double SIMULATOR_LATE_MS = 10;
    private static final String DRIVER = "stream driver";
    private static final String TODAY = "today's client";

    private LoadBenchmark() {
    }

    /** This part alone: {@code mvn -Pbench test-compile exec:java -Dbench.main=dev.modelgate.bench.LoadBenchmark}. */
    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "modelgate load benchmark: %d cores, %s %s %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), load());
        run();
    }

    static void run() {
        System.out.printf(Locale.ROOT, "%n4. Stream driver vs today's client (simulator in another process)%n");
        if (!Boolean.getBoolean("bench.levelsOnly")) {
            sequential();
        }
        levels();
    }

    static String load() {
        return String.format(Locale.ROOT, "[load average %.2f]", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    private static ClientOptions options(int streams) {
        ClientOptions d = ClientOptions.DEFAULTS;
        return new ClientOptions(d.connectTimeout(), d.idleTimeout(), d.requestTimeout(), Math.max(streams, 512));
    }

    private static StreamDriver driver(SimProcess sim, int streams) {
        return new StreamDriver(sim.baseUrl(), sim.script().servedName(), Optional.empty(), options(streams));
    }

    private static LagSplit.ClientStream stamps(Sample s, long scheduledNanos, String prompt) {
        return new LagSplit.ClientStream(scheduledNanos, s.sentNanos(),
                s.sentNanos() + Math.round(s.ttftMs().orElseThrow() * 1e6), prompt);
    }

    /** The stream driver's request {@code i} of a level (its own prefix, by which the simulator's stamps are paired). */
    private static String prompt(int i) {
        return "s" + i + " go";
    }

    /** TTFT − injected 100 ms over 100 sequential requests, for both clients. */
    private static void sequential() {
        SimScript script = SimScript.defaults().withTtftMs(SEQUENTIAL_TTFT_MS).withInterTokenMs(2).withOutputTokens(8);
        try (SimProcess sim = SimProcess.start(script);
             ChatClient client = new ChatClient(sim.baseUrl(), script.servedName(), Optional.empty(), options(1));
             StreamDriver driver = driver(sim, 1)) {
            for (int i = 0; i < 200; i++) { // JIT warm-up of both JVMs, not counted
                client.stream(ChatRequest.user("warm-up " + i));
                driver.stream(ChatRequest.user("warm-up d" + i)).join();
            }
            for (String which : List.of(TODAY, DRIVER)) {
                int skip = sim.report(0).streams().size();
                List<LagSplit.ClientStream> stamps = new ArrayList<>();
                Distribution overhead = new Distribution();
                for (int i = 0; i < 100; i++) {
                    ChatRequest r = ChatRequest.user(which + " " + i);
                    Completion c = which.equals(TODAY) ? client.stream(r) : driver.stream(r).join();
                    overhead.record(Math.max(0, c.ttftNanos().getAsLong() / 1e6 - SEQUENTIAL_TTFT_MS));
                    Sample s = Sample.of("sequential", i, c, 0, 0);
                    stamps.add(stamps(s, s.sentNanos(), which + " " + i));
                }
                LagSplit split = LagSplit.of(stamps, sim.report(skip).streams());
                System.out.printf(Locale.ROOT, "   TTFT overhead, %-14s n=%d: p50 %6.3f ms p99 %7.3f ms; client's part p50"
                                + " %6.3f ms (read %6.3f), simulator's part p50 %6.3f ms (accept %6.3f, lateness %6.3f)"
                                + " %s%n", which, overhead.count(), overhead.percentile(50), overhead.percentile(99),
                        split.client().percentile(50), split.readLag().percentile(50), split.simulator().percentile(50),
                        split.accept().percentile(50), split.lateness().percentile(50), load());
            }
        }
    }

    /** Closed-loop levels, 250 ms TTFT + 64 tokens at 50 tok/s, two requests per stream. */
    private static void levels() {
        SimScript script = SimScript.defaults().withTtftMs(LEVEL_TTFT_MS).withInterTokenMs(20).withOutputTokens(64);
        for (String which : List.of(DRIVER, TODAY)) {
            if (!System.getProperty("bench.clients", "driver,today").contains(which.equals(DRIVER) ? "driver" : "today")) {
                continue;
            }
            try (SimProcess sim = SimProcess.start(script)) {
                warmUp(sim, which);
                for (int target : LEVELS) {
                    String stop = level(sim, which, target);
                    if (stop != null) {
                        System.out.printf(Locale.ROOT, "   %s: series stopped at %d: %s%n", which, target, stop);
                        break;
                    }
                }
            }
        }
    }

    /** One uncounted level of 64 streams, so that both JVMs have compiled the paths they measure. */
    private static void warmUp(SimProcess sim, String which) {
        if (which.equals(DRIVER)) {
            try (StreamDriver driver = driver(sim, 64)) {
                new LoadGenerator(driver, i -> ChatRequest.user("w" + i + " go").maxTokens(64), 64, Duration.ofSeconds(60))
                        .run(LoadProfile.concurrency(64, 128));
            }
        } else {
            todaysLevel(sim, 64);
        }
    }

    private static ConcurrencyLevel todaysLevel(SimProcess sim, int target) {
        try (ChatClient client = new ChatClient(sim.baseUrl(), sim.script().servedName(), Optional.empty(),
                options(target))) {
            Problems problems = new Problems();
            PerformancePrompts prompts = PerformancePrompts.load(Settings.ofMap(Map.of()), problems);
            problems.throwIfAny();
            return new PerformanceRun(client, prompts, new Sampling(0, target * 2, List.of(target), 64, 120, 60))
                    .level(target);
        }
    }

    private static String level(SimProcess sim, String which, int target) {
        int skip = sim.report(0).streams().size();
        int peak;
        int failures;
        String firstError;
        Distribution ttft;
        List<LagSplit.ClientStream> stamps = new ArrayList<>();
        if (which.equals(DRIVER)) {
            try (StreamDriver driver = driver(sim, target)) {
                LoadResult r = new LoadGenerator(driver, i -> ChatRequest.user(prompt(i)).maxTokens(64), 64,
                        Duration.ofSeconds(120)).run(LoadProfile.concurrency(target, target * 2));
                peak = r.observedPeak();
                failures = r.failures();
                firstError = r.firstError();
                ttft = r.ttftFromSchedule();
                r.samples().forEach(s -> stamps.add(stamps(s.sample(), s.scheduledNanos(), prompt(s.sample().index()))));
            }
        } else {
            ConcurrencyLevel l = todaysLevel(sim, target);
            peak = l.observedPeak();
            failures = l.failures();
            firstError = l.firstError();
            ttft = Distribution.of(l.samples().stream().map(s -> s.ttftMs().orElseThrow() + s.scheduleLagMs()).toList());
            // today's client makes its prompts itself: its streams are paired by rank
            l.samples().forEach(s -> stamps.add(stamps(s, s.sentNanos() - Math.round(s.scheduleLagMs() * 1e6), null)));
        }
        SimProcess.Report report = sim.report(skip);
        String line = String.format(Locale.ROOT, "   %-14s target %4d: observed peak %4d (simulator %4d), failures %d;"
                        + " TTFT from schedule p50 %7.1f p99 %7.1f ms (%.0f injected) %s", which, target, peak,
                report.peakInFlight(), failures, ttft.percentile(50), ttft.percentile(99), LEVEL_TTFT_MS, load());
        System.out.println(line);
        if (failures > 0) {
            return failures + " request(s) failed (first: " + firstError + ")";
        }
        LagSplit split = LagSplit.of(stamps, report.streams());
        System.out.printf(Locale.ROOT, "      client's part p50 %6.1f p99 %6.1f ms (send lag p50 %6.1f p99 %6.1f, read lag"
                        + " p99 %6.1f); simulator's part p50 %6.1f p99 %6.1f ms (accept p99 %6.1f, first-token lateness"
                        + " p99 %6.1f)%n", split.client().percentile(50), split.client().percentile(99),
                split.sendLag().percentile(50), split.sendLag().percentile(99), split.readLag().percentile(99),
                split.simulator().percentile(50), split.simulator().percentile(99), split.accept().percentile(99),
                split.lateness().percentile(99));
        System.out.printf(Locale.ROOT, "      send lag of the first burst (every stream's first request, due at once) p50 %6.1f"
                        + " p99 %6.1f ms; of the requests after it p50 %6.1f p99 %6.1f ms%n",
                split.sendLag(true).percentile(50), split.sendLag(true).percentile(99),
                split.sendLag(false).percentile(50), split.sendLag(false).percentile(99));
        if (peak < target) {
            return "the client did not keep every stream on the wire at once";
        }
        if (split.simulatorBehind(SIMULATOR_LATE_MS)) {
            System.out.printf(Locale.ROOT, "      level stopped: the simulator fell behind (its part p99 %.1f ms is over"
                            + " %.0f ms and over the client's %.1f ms): its latency figures say nothing more about the"
                            + " client; the next level still shows whether the client holds its streams%n",
                    split.simulator().percentile(99), SIMULATOR_LATE_MS, split.client().percentile(99));
        }
        return null;
    }
}
