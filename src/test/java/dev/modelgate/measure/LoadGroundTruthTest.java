package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.StreamDriver;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Load profiles and the capacity search against a simulator of known capacity: it generates up
 * to K requests at full speed, and a request that arrives while n > K are being generated waits
 * (n − K) · d before its clock starts. Timings scaled down; the search must find K exactly.
 */
class LoadGroundTruthTest {

    private static final double TTFT_MS = 20;
    private static final double ITL_MS = 4;
    private static final int TOKENS = 10;

    private static ChatRequest request(int i) {
        return ChatRequest.user("load " + i + ": say something").maxTokens(TOKENS);
    }

    private static StreamDriver driver(VllmSimulator sim) {
        return new StreamDriver(sim.baseUrl(), sim.script().servedName(), Optional.empty(), ClientOptions.DEFAULTS,
                UnaryOperator.identity(), f -> { }, 2);
    }

    @Test
    void theSearchFindsTheSimulatorsCapacity() {
        int capacity = 6;
        double queueMs = 400;
        SimScript script = SimScript.defaults().withTtftMs(TTFT_MS).withInterTokenMs(ITL_MS).withOutputTokens(TOKENS)
                .withCapacity(capacity, queueMs);
        // one request over the capacity costs 400 ms: an SLO half-way there tells K from K + 1, even on a busy machine
        Slo slo = Slo.of(new Slo.Bound(Slo.Metric.TTFT, 95, TTFT_MS + queueMs / 2), new Slo.Bound(Slo.Metric.ITL, 95, 50));
        try (VllmSimulator sim = VllmSimulator.start(script); StreamDriver driver = driver(sim)) {
            LoadGenerator generator = new LoadGenerator(driver, LoadGroundTruthTest::request, TOKENS, Duration.ofSeconds(30));
            generator.warmUp(24, 4);
            // the first wave (all due at the start) is warm-up: it arrives as the streams ramp up
            LoadProfile shape = LoadProfile.concurrency(1, 1).excluding(Duration.ofMillis(1), Duration.ZERO);
            CapacitySearch search = new CapacitySearch(slo, shape, 1, 32, 0.1, 10, Duration.ofSeconds(120), 50);
            Capacity found = search.run(p -> generator.run(new LoadProfile(p.kind(), p.level(), p.streams() * 6,
                    null, p.warmUp(), p.coolDown(), p.seed())));

            assertThat(found.level()).as(found.describe()).isEqualTo(capacity);
            assertThat(found.stoppedBecause()).startsWith("resolved: 6 concurrent meets the SLO and 7 concurrent does not");
            assertThat(found.steps()).extracting(Capacity.Step::level).containsExactly(1.0, 2.0, 4.0, 8.0, 6.0, 7.0);
            assertThat(found.steps()).allSatisfy(s -> assertThat(s.result().peakShort())
                    .as("the client held every level's streams on the wire: %s", s.result().describe()).isFalse());
            Capacity.Step over = found.steps().get(5);
            assertThat(over.result().ttftFromSchedule().percentile(95)).as("at K + 1 a request waits one queue step")
                    .isGreaterThanOrEqualTo(TTFT_MS + queueMs);
            assertThat(over.misses()).anySatisfy(m -> assertThat(m).startsWith("TTFT p95"));
            assertThat(found.goodput()).as("requests within the SLO per second at K").isGreaterThan(0);
            String chart = SvgCharts.capacity("capacity", found);
            assertThat(chart).contains("TTFT p95 &lt; 220 ms");
            assertThat(chart.split("class=\"met\"", -1)).as("bars of levels that met the SLO: 1, 2, 4, 6").hasSize(5);
            assertThat(chart.split("class=\"missed\"", -1)).as("and that missed it: 7, 8").hasSize(3);
            assertThat(found.describe()).startsWith("serves 6 concurrent voice turns within the SLO (TTFT p95 < 220 ms,"
                    + " ITL p95 < 50 ms)");
        }
    }

    @Test
    void poissonLatenciesFromTheScheduleIncludeTheInjectedQueueing() {
        // one request at full speed; at 20 requests/s of 56 ms each, about a third arrive while another runs
        int capacity = 1;
        double queueMs = 20;
        double rate = 20;
        SimScript script = SimScript.defaults().withTtftMs(TTFT_MS).withInterTokenMs(ITL_MS).withOutputTokens(TOKENS)
                .withCapacity(capacity, queueMs);
        LoadProfile profile = LoadProfile.poisson(rate, 100, 2024).excluding(Duration.ofMillis(200), Duration.ofMillis(200));
        try (VllmSimulator sim = VllmSimulator.start(script); StreamDriver driver = driver(sim)) {
            LoadGenerator generator = new LoadGenerator(driver, LoadGroundTruthTest::request, TOKENS, Duration.ofSeconds(30));
            generator.warmUp(24, 1);
            int warmUpRequests = sim.admissions().size();
            LoadResult result = generator.run(profile);

            assertThat(result.failures()).as(result.describe()).isZero();
            assertThat(result.excluded()).as("warm-up and cool-down requests are sent, not counted").isPositive();
            assertThat(result.samples().size() + result.excluded()).isEqualTo(100);
            Map<String, VllmSimulator.Admission> admitted = new HashMap<>();
            sim.admissions().subList(warmUpRequests, sim.admissions().size()).forEach(a -> admitted.put(a.promptStart().substring(0, a.promptStart().indexOf(':')), a));
            List<LoadSample> queued = result.samples().stream()
                    .filter(s -> admitted.get("load " + s.sample().index()).queueDelayNanos() > 0).toList();
            assertThat(queued.size()).as("the arrivals overran the capacity often enough to test")
                    .isGreaterThan(result.samples().size() / 10);
            assertThat(result.samples()).as("from the schedule, every request's TTFT holds the injected TTFT and the"
                    + " queueing the simulator injected for it").allSatisfy(s -> {
                        VllmSimulator.Admission a = admitted.get("load " + s.sample().index());
                        assertThat(a.queueDelayNanos()).as("the simulator's rule")
                                .isEqualTo(script.capacity().queueDelayNanos(a.generating()));
                        assertThat(s.ttftFromScheduleMs().getAsDouble())
                                .isGreaterThanOrEqualTo(TTFT_MS + a.queueDelayMs())
                                .isGreaterThanOrEqualTo(s.sample().ttftMs().getAsDouble());
                    });
            assertThat(result.samples()).extracting(s -> s.sample().index()).as("sent in the order of the schedule")
                    .isSorted();
            List<LoadSample> s = result.samples();
            double scheduledGapMs = (s.get(s.size() - 1).scheduledNanos() - s.get(0).scheduledNanos()) / 1e6 / (s.size() - 1);
            assertThat(1000 / scheduledGapMs).as("the schedule's rate (about 80 Poisson gaps: relative sd 11 %%)")
                    .isCloseTo(rate, within(rate * 0.35));
        }
    }

    @Test
    void theSloTtftCanBeTheFirstAnswerTokenReasoningExcluded() {
        // first token at 20 ms, then 10 reasoning events 10 ms apart: the answer starts at about 120 ms
        SimScript script = SimScript.defaults().withTtftMs(TTFT_MS).withInterTokenMs(10).withReasoningTokens(10)
                .withOutputTokens(4);
        Slo.Bound ttft = new Slo.Bound(Slo.Metric.TTFT, 95, 80);
        Slo firstToken = Slo.of(ttft);
        Slo firstAnswer = new Slo(List.of(ttft), true);
        try (VllmSimulator sim = VllmSimulator.start(script); StreamDriver driver = driver(sim)) {
            // room for the reasoning and the answer: 10 + 4 tokens
            LoadGenerator generator = new LoadGenerator(driver, i -> request(i).maxTokens(50), 50, Duration.ofSeconds(30));
            generator.warmUp(4, 2);
            LoadResult r = generator.run(LoadProfile.concurrency(2, 10));

            assertThat(r.failures()).isZero();
            assertThat(r.ttftFromSchedule().percentile(50)).as("the first (reasoning) token").isBetween(TTFT_MS, 80.0);
            assertThat(r.answerFromSchedule().percentile(50)).as("the first answer token, after 10 reasoning events")
                    .isGreaterThanOrEqualTo(TTFT_MS + 10 * 10);
            assertThat(firstToken.metBy(r)).as("reasoning counted as the first token").isTrue();
            assertThat(firstAnswer.metBy(r)).as("a voice turn waits for the answer").isFalse();
            assertThat(firstAnswer.misses(r)).singleElement().asString().startsWith("TTFT p95 1");
            assertThat(r.samples()).noneMatch(firstAnswer::metBy);
        }
    }
}
