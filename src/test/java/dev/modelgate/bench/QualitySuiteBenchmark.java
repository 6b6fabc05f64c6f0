package dev.modelgate.bench;

import dev.modelgate.cases.EntityRun;
import dev.modelgate.cases.NativeResponseRun;
import dev.modelgate.cases.QualityCases;
import dev.modelgate.cases.ToolCallingRun;
import dev.modelgate.cases.VisionRun;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import dev.modelgate.testing.SimAnswers;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Wall time of the built-in quality suites against the in-process simulator at the default case
 * concurrency, against what perfect scheduling allows: each suite's slowest case (timed alone) ×
 * ⌈cases / concurrency⌉. Not a unit test:
 * {@code mvn -Pbench test-compile exec:java -Dbench.main=dev.modelgate.bench.QualitySuiteBenchmark}.
 *
 * <p>Every answer is the right one, streamed with a {@value #TTFT_MS} ms TTFT and {@value #ITL_MS} ms
 * between tokens, so a case takes about as long as a short answer of a fast server.
 */
public final class QualitySuiteBenchmark {

    static final double TTFT_MS = 100;
    static final double ITL_MS = 5;

    private QualitySuiteBenchmark() {
    }

    public static void main(String[] args) {
        int concurrency = QualityCases.DEFAULT_CONCURRENCY;
        System.out.printf(Locale.ROOT, "modelgate quality-suite benchmark: %d cores, load average %.2f, case"
                        + " concurrency %d, simulated TTFT %.0f ms, %.0f ms between tokens%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), concurrency, TTFT_MS, ITL_MS);
        QualityCases cases = QualityCases.load(Settings.ofMap(Map.of()));
        SimScript script = SimScript.builder().ttftMs(TTFT_MS).interTokenMs(ITL_MS).outputTokens(16)
                .maxModelLen(131072).build().withAnswers(SimAnswers.builtIn(Map.of()));
        try (VllmSimulator sim = VllmSimulator.start(script);
             ChatClient client = new ChatClient(sim.baseUrl(), script.servedName(), Optional.empty(),
                     ClientOptions.DEFAULTS)) {
            // JIT warm-up over every suite, not counted.
            warmUp(client, cases, concurrency);
            double[] totals = new double[2];
            System.out.printf(Locale.ROOT, "%-18s %6s %12s %12s %14s %8s%n", "suite", "cases", "slowest ms",
                    "wall ms", "bound ms", "wall/bound");
            row("tool-calling", cases.toolCalling(), concurrency, totals,
                    (list, k) -> ToolCallingRun.run(client, list, k));
            row("entities", cases.entities(), concurrency, totals, (list, k) -> EntityRun.run(client, list, k));
            row("kannada-entities", cases.kannadaEntities(), concurrency, totals,
                    (list, k) -> EntityRun.run(client, list, k));
            row("kannada-native", cases.kannadaNative(), concurrency, totals,
                    (list, k) -> NativeResponseRun.run(client, list, k));
            row("vision", cases.vision(), concurrency, totals, (list, k) -> VisionRun.run(client, list, k));
            System.out.printf(Locale.ROOT, "%-18s %6d %12s %12.0f %14.0f %8.2f%n", "all quality suites",
                    cases.toolCalling().size() + cases.entities().size() + cases.kannadaEntities().size()
                            + cases.kannadaNative().size() + cases.vision().size(), "", totals[0], totals[1],
                    totals[0] / totals[1]);
        }
    }

    /** A suite run on some of its cases at a concurrency. */
    private interface SuiteRun<C> {
        void run(List<C> cases, int concurrency);
    }

    /** Times each case alone, then the whole suite at {@code concurrency}; prints one row. */
    private static <C> void row(String name, List<C> cases, int concurrency, double[] totals,
                                SuiteRun<C> run) {
        if (cases.isEmpty()) {
            return;
        }
        double slowest = 0;
        for (C c : cases) {
            long start = System.nanoTime();
            run.run(List.of(c), 1);
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1e6);
        }
        long start = System.nanoTime();
        run.run(cases, concurrency);
        double wall = (System.nanoTime() - start) / 1e6;
        double bound = slowest * Math.ceil(cases.size() / (double) concurrency);
        totals[0] += wall;
        totals[1] += bound;
        System.out.printf(Locale.ROOT, "%-18s %6d %12.0f %12.0f %14.0f %8.2f%n", name, cases.size(), slowest, wall,
                bound, wall / bound);
    }

    private static void warmUp(ChatClient client, QualityCases cases, int concurrency) {
        ToolCallingRun.run(client, cases.toolCalling(), concurrency);
        EntityRun.run(client, cases.entities(), concurrency);
        EntityRun.run(client, cases.kannadaEntities(), concurrency);
        NativeResponseRun.run(client, cases.kannadaNative(), concurrency);
        VisionRun.run(client, cases.vision(), concurrency);
    }
}
