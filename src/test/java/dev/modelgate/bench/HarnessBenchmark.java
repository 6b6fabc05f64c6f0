package dev.modelgate.bench;

import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.Completion;
import dev.modelgate.client.StreamAssembler;
import dev.modelgate.measure.ConcurrencyLevel;
import dev.modelgate.measure.Distribution;
import dev.modelgate.measure.PerformancePrompts;
import dev.modelgate.measure.PerformanceRun;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.StreamTiming;
import dev.modelgate.sim.VllmSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The harness's own cost, measured against the in-process simulator in one run (not a unit test:
 * {@code mvn -Pbench test-compile exec:java}):
 * <ol>
 *   <li>overhead on TTFT: measured TTFT − injected TTFT, split into request dispatch, the
 *       simulator's lateness and the client's read of the first token;</li>
 *   <li>SSE events parsed per second on one core by {@link StreamAssembler}, and end to end over
 *       loopback (client and simulator sharing the machine);</li>
 *   <li>the highest concurrency the harness sustains with observed peak = target, for streams of
 *       64 tokens at 50 tok/s after a 250 ms TTFT; a level counts only when the simulator (on the
 *       same cores) also had every stream in flight at once.</li>
 * </ol>
 */
public final class HarnessBenchmark {

    private static final double INJECTED_TTFT_MS = 100;
    private static final int[] LEVELS = {64, 128, 256, 512, 1024};

    private HarnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "modelgate harness benchmark: %d cores, %s %s, %s %s, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        ttftOverhead();
        parsing();
        concurrency();
        LoadBenchmark.run();
    }

    /** 1. Sequential requests with a 100 ms TTFT: how much the harness adds, and where. */
    private static void ttftOverhead() {
        SimScript script = SimScript.defaults().withTtftMs(INJECTED_TTFT_MS).withInterTokenMs(2).withOutputTokens(8);
        try (VllmSimulator sim = VllmSimulator.start(script);
             ChatClient client = new ChatClient(sim.baseUrl(), script.servedName(), Optional.empty(),
                     ClientOptions.DEFAULTS)) {
            for (int i = 0; i < 30; i++) { // JIT warm-up, not counted
                client.stream(ChatRequest.user("warm-up " + i));
            }
            int skip = sim.streamTimings().size();
            List<Completion> completions = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                completions.add(client.stream(ChatRequest.user("sample " + i)));
            }
            List<StreamTiming> timings = sim.streamTimings().subList(skip, skip + completions.size());
            Distribution overhead = new Distribution();
            Distribution dispatch = new Distribution();
            Distribution late = new Distribution();
            Distribution read = new Distribution();
            for (int i = 0; i < completions.size(); i++) {
                Completion c = completions.get(i);
                StreamTiming t = timings.get(i);
                long arrival = c.sentNanos() + c.ttftNanos().getAsLong();
                overhead.record(Math.max(0, c.ttftNanos().getAsLong() / 1e6 - INJECTED_TTFT_MS));
                dispatch.record(Math.max(0, (t.receiptNanos() - c.sentNanos()) / 1e6));
                late.record(Math.max(0, t.firstLateMs()));
                read.record(Math.max(0, (arrival - t.firstWrittenNanos()) / 1e6));
            }
            System.out.printf(Locale.ROOT, "%n1. TTFT overhead (measured − injected %.0f ms), n=%d sequential requests%n",
                    INJECTED_TTFT_MS, overhead.count());
            row("   total", overhead);
            row("   request dispatch (client send → simulator handler)", dispatch);
            row("   simulator lateness (first token due → written)", late);
            row("   client read (first token written → parsed)", read);
        }
    }

    private static void row(String label, Distribution d) {
        System.out.printf(Locale.ROOT, "%-56s p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  max %7.3f ms%n", label,
                d.percentile(50), d.percentile(90), d.percentile(99), d.max());
    }

    /** 2. Events parsed per second: the assembler alone on this thread, then end to end over loopback. */
    private static void parsing() {
        String[] events = {
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                    + "[{\"index\":0,\"delta\":{\"content\":\" quick\"},\"logprobs\":null,\"finish_reason\":null}]}",
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                    + "[{\"index\":0,\"delta\":{\"reasoning\":\" think\"},\"logprobs\":null,\"finish_reason\":null}]}",
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                    + "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}]},"
                    + "\"logprobs\":null,\"finish_reason\":null}]}"};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long parsed = 0;
        long end = System.nanoTime() + 2_000_000_000L; // warm-up
        long start = 0;
        long startCpu = 0;
        boolean measuring = false;
        while (true) {
            StreamAssembler a = new StreamAssembler(0);
            for (int i = 0; i < 1000; i++) {
                a.accept(events[i % events.length], i);
            }
            a.accept("[DONE]", 1000);
            a.finish(1001);
            long now = System.nanoTime();
            if (measuring) {
                parsed += 1001;
                if (now >= end) {
                    break;
                }
            } else if (now >= end) {
                measuring = true;
                start = now;
                startCpu = threads.getCurrentThreadCpuTime();
                end = now + 5_000_000_000L;
            }
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%n2. SSE events parsed by StreamAssembler (3 event shapes, %,d events):"
                + " %,.0f per CPU-second of one core (%,.0f per wall second on this shared machine)%n", parsed,
                parsed / cpuSeconds, parsed / wallSeconds);

        SimScript script = SimScript.defaults().withTtftMs(0).withInterTokenMs(0).withOutputTokens(20_000)
                .withMaxModelLen(65_536);
        try (VllmSimulator sim = VllmSimulator.start(script);
             ChatClient client = new ChatClient(sim.baseUrl(), script.servedName(), Optional.empty(),
                     ClientOptions.DEFAULTS)) {
            client.stream(ChatRequest.user("warm-up").maxTokens(20_000));
            long received = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                received += client.stream(ChatRequest.user("x " + i).maxTokens(20_000)).events().size();
            }
            System.out.printf(Locale.ROOT, "   end to end over loopback (client + simulator on the same cores):"
                    + " %,.0f events/s%n", received / ((System.nanoTime() - t0) / 1e9));
        }
    }

    /** 3. Concurrency levels until the observed peak falls short of the target. */
    private static void concurrency() {
        SimScript script = SimScript.defaults().withTtftMs(250).withInterTokenMs(20).withOutputTokens(64);
        System.out.printf(Locale.ROOT, "%n3. Concurrency sustained (observed peak = target); each stream 250 ms TTFT"
                + " + 64 tokens at 50 tok/s (ideal aggregate = target × %.1f tok/s)%n", 64 / (0.25 + 63 * 0.02));
        int sustained = 0;
        for (int target : LEVELS) {
            try (VllmSimulator sim = VllmSimulator.start(script);
                 ChatClient client = new ChatClient(sim.baseUrl(), script.servedName(), Optional.empty(),
                         new ClientOptions(ClientOptions.DEFAULTS.connectTimeout(), ClientOptions.DEFAULTS.idleTimeout(),
                                 ClientOptions.DEFAULTS.requestTimeout(), Math.max(target, 512)))) {
                Problems problems = new Problems();
                PerformancePrompts prompts = PerformancePrompts.load(Settings.ofMap(Map.of()), problems);
                problems.throwIfAny();
                PerformanceRun run = new PerformanceRun(client, prompts, new Sampling(0, target, List.of(target), 64,
                        120, 60));
                ConcurrencyLevel level = run.level(target);
                double ideal = target * 64 / (0.25 + 63 * 0.02);
                System.out.printf(Locale.ROOT, "   target %4d: observed peak %4d (simulator %4d), failures %d,"
                                + " schedule lag p50 %6.1f ms p99 %6.1f ms, aggregate %8.1f tok/s (%.0f %% of ideal),"
                                + " TTFT p50 %6.1f ms p99 %6.1f ms%n",
                        target, level.observedPeak(), sim.peakInFlight(), level.failures(),
                        level.scheduleLag().percentile(50), level.scheduleLag().percentile(99),
                        level.outputTokensPerSecond(), 100 * level.outputTokensPerSecond() / ideal,
                        level.ttft().percentile(50), level.ttft().percentile(99));
                if (level.observedPeak() != target || sim.peakInFlight() != target || level.failures() > 0) {
                    System.out.printf(Locale.ROOT, "   stopped at %d: %s%n", target, level.failures() > 0
                            ? "requests failed" : level.observedPeak() != target ? "the client did not keep every"
                            + " stream on the wire at once" : "the simulator, on the same cores, did not serve every"
                            + " stream at once, so the level says nothing more about the harness");
                    break;
                }
                sustained = target;
            }
        }
        System.out.printf(Locale.ROOT, "   highest concurrency sustained (observed peak = target on the client and on the"
                + " simulator, no failure): %d%n", sustained);
    }
}
