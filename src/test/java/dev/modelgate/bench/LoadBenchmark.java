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
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.StreamTiming;
import dev.modelgate.sim.VllmSimulator;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The stream driver (one scheduler thread, a few reader threads) against today's client (one
 * thread per stream), in one run against the in-process simulator: TTFT overhead of sequential
 * requests, and closed-loop levels up to 1,000 streams with the send lag split into the client's
 * part and the simulator's (they share the cores). A level stops the series when the simulator,
 * not the client, falls behind. Every figure is printed with the load average at that moment.
 */
public final class LoadBenchmark {

    private static final int[] LEVELS = {64, 256, 1000};
    /** The simulator is behind when its first tokens go out this late (p99) or it never held every stream. */
    private static final double SIMULATOR_LATE_MS = 50;

    private LoadBenchmark() {
    }

    /** This part alone: {@code mvn -Pbench test-compile exec:java -Dexec.mainClass=dev.modelgate.bench.LoadBenchmark}. */
    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "modelgate load benchmark: %d cores, %s %s %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), load());
        run();
    }

    static void run() {
        System.out.printf(Locale.ROOT, "%n4. Stream driver vs today's client (simulator in the same JVM)%n");
        sequential();
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

    private static StreamDriver driver(VllmSimulator sim, int streams) {
        return new StreamDriver(sim.baseUrl(), sim.script().servedName(), Optional.empty(), options(streams),
                UnaryOperator.identity(), f -> { }, Integer.getInteger("bench.readers",
                Math.max(2, Runtime.getRuntime().availableProcessors())));
    }

    /** TTFT − injected 100 ms over 100 sequential requests, for both clients. */
    private static void sequential() {
        SimScript script = SimScript.defaults().withTtftMs(100).withInterTokenMs(2).withOutputTokens(8);
        try (VllmSimulator sim = VllmSimulator.start(script);
             ChatClient client = new ChatClient(sim.baseUrl(), script.servedName(), Optional.empty(), options(1));
             StreamDriver driver = driver(sim, 1)) {
            for (int i = 0; i < 30; i++) { // JIT warm-up, not counted
                client.stream(ChatRequest.user("warm-up " + i));
                driver.stream(ChatRequest.user("warm-up d" + i)).join();
            }
            for (String which : List.of("today's client", "stream driver")) {
                int skip = sim.streamTimings().size();
                List<Completion> done = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    ChatRequest r = ChatRequest.user(which + " " + i);
                    done.add(which.startsWith("today") ? client.stream(r) : driver.stream(r).join());
                }
                List<StreamTiming> timings = sim.streamTimings().subList(skip, skip + done.size());
                Distribution overhead = new Distribution();
                Distribution simLate = new Distribution();
                for (int i = 0; i < done.size(); i++) {
                    overhead.record(Math.max(0, done.get(i).ttftNanos().getAsLong() / 1e6 - 100));
                    simLate.record(Math.max(0, timings.get(i).firstLateMs()));
                }
                System.out.printf(Locale.ROOT, "   TTFT overhead, %-15s n=%d: p50 %6.3f ms p99 %7.3f ms (of which the"
                                + " simulator's lateness p50 %6.3f ms) %s%n", which, overhead.count(),
                        overhead.percentile(50), overhead.percentile(99), simLate.percentile(50), load());
            }
        }
    }

    /** Closed-loop levels, 250 ms TTFT + 64 tokens at 50 tok/s, two requests per stream. */
    private static void levels() {
        SimScript script = SimScript.defaults().withTtftMs(250).withInterTokenMs(20).withOutputTokens(64);
        for (String which : List.of("stream driver", "today's client")) {
            for (int target : LEVELS) {
                String verdict = level(script, which, target);
                if (verdict != null) {
                    System.out.printf(Locale.ROOT, "   %s: series stopped at %d: %s%n", which, target, verdict);
                    break;
                }
            }
        }
    }

    private static String level(SimScript script, String which, int target) {
        try (VllmSimulator sim = VllmSimulator.start(script)) {
            int peak;
            int failures;
            Distribution lag;
            Distribution ttft;
            if (which.startsWith("stream")) {
                try (StreamDriver driver = driver(sim, target)) {
                    LoadGenerator g = new LoadGenerator(driver, i -> ChatRequest.user("s" + i + " go").maxTokens(64), 64,
                            Duration.ofSeconds(120));
                    g.warmUp(8, 4);
                    int skip = sim.streamTimings().size();
                    LoadResult r = g.run(LoadProfile.concurrency(target, target * 2));
                    peak = r.observedPeak();
                    failures = r.failures();
                    lag = r.sendLag();
                    ttft = r.ttftFromSchedule();
                    return report(which, target, peak, failures, lag, ttft, sim, skip);
                }
            }
            try (ChatClient client = new ChatClient(sim.baseUrl(), script.servedName(), Optional.empty(), options(target))) {
                Problems problems = new Problems();
                PerformancePrompts prompts = PerformancePrompts.load(Settings.ofMap(Map.of()), problems);
                problems.throwIfAny();
                PerformanceRun run = new PerformanceRun(client, prompts, new Sampling(0, target * 2, List.of(target), 64,
                        120, 60));
                int skip = sim.streamTimings().size();
                ConcurrencyLevel l = run.level(target);
                return report(which, target, l.observedPeak(), l.failures(), l.scheduleLag(), l.ttft(), sim, skip);
            }
        }
    }

    private static String report(String which, int target, int peak, int failures, Distribution lag, Distribution ttft,
                                 VllmSimulator sim, int skip) {
        List<StreamTiming> timings = sim.streamTimings();
        Distribution simLate = Distribution.of(timings.subList(skip, timings.size()).stream()
                .map(t -> Math.max(0, t.firstLateMs())).toList());
        System.out.printf(Locale.ROOT, "   %-14s target %4d: observed peak %4d (simulator %4d), failures %d; send lag"
                        + " (client) p50 %7.1f p99 %7.1f ms; simulator first-token lateness p50 %7.1f p99 %7.1f ms;"
                        + " TTFT from schedule p50 %7.1f ms (250 injected) %s%n", which, target, peak, sim.peakInFlight(),
                failures, lag.percentile(50), lag.percentile(99), simLate.percentile(50), simLate.percentile(99),
                ttft.percentile(50), load());
        if (failures > 0) {
            return failures + " request(s) failed";
        }
        if (sim.peakInFlight() < target || simLate.percentile(99) > SIMULATOR_LATE_MS) {
            return "the simulator fell behind (peak " + sim.peakInFlight() + ", first-token lateness p99 "
                    + String.format(Locale.ROOT, "%.1f", simLate.percentile(99)) + " ms): the level says nothing more"
                    + " about the client";
        }
        if (peak < target) {
            return "the client did not keep every stream on the wire at once";
        }
        return null;
    }
}
