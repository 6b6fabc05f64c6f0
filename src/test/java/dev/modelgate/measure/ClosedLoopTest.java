package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.StreamDriver;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.SimScript.Faults;
import dev.modelgate.sim.VllmSimulator;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link LoadGenerator}'s closed loop: each stream's next request is sent when its previous one ends. */
class ClosedLoopTest {

    private static LoadResult run(SimScript script, LoadProfile profile, VllmSimulator[] served) {
        try (VllmSimulator sim = VllmSimulator.start(script);
             StreamDriver driver = new StreamDriver(sim.baseUrl(), script.servedName(), Optional.empty(),
                     ClientOptions.DEFAULTS, UnaryOperator.identity(), f -> { }, 2)) {
            LoadResult r = new LoadGenerator(driver, i -> ChatRequest.user("c" + i + " go").maxTokens(4), 4,
                    Duration.ofSeconds(30)).run(profile);
            served[0] = sim;
            return r;
        }
    }

    @Test
    void everyRequestIsSentOnceAndAStreamsNextIsDueWhenItsPreviousEnded() {
        VllmSimulator[] sim = new VllmSimulator[1];
        LoadResult r = run(SimScript.defaults().withTtftMs(20).withInterTokenMs(2).withOutputTokens(4),
                LoadProfile.concurrency(3, 12), sim);
        assertThat(r.samples()).hasSize(12);
        assertThat(r.failures()).isZero();
        assertThat(sim[0].requestsServed()).isEqualTo(12);
        assertThat(r.observedPeak()).isEqualTo(3);
        assertThat(sim[0].promptStarts()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 12).mapToObj(i -> "c" + i + " go").toList());
        List<LoadSample> byDue = r.samples().stream().sorted(Comparator.comparingLong(LoadSample::scheduledNanos)).toList();
        long start = byDue.get(0).scheduledNanos();
        assertThat(byDue.subList(0, 3)).allSatisfy(s -> assertThat(s.scheduledNanos()).isEqualTo(start));
        List<Long> ends = r.samples().stream().map(s -> s.sample().doneNanos()).toList();
        for (LoadSample later : byDue.subList(3, 12)) {
            // due at an end of an earlier request: the first end at or before it is at most its own stamp away
            long end = ends.stream().filter(e -> e <= later.scheduledNanos()).max(Long::compare).orElseThrow();
            assertThat(later.scheduledNanos()).isGreaterThanOrEqualTo(end);
            assertThat(later.sample().sentNanos()).isGreaterThanOrEqualTo(later.scheduledNanos());
        }
    }

    @Test
    void aFailedRequestIsCountedAndItsStreamGoesOn() {
        VllmSimulator[] sim = new VllmSimulator[1];
        LoadResult r = run(SimScript.defaults().withTtftMs(5).withInterTokenMs(1).withOutputTokens(4)
                .withFaults(Faults.http500At(2)), LoadProfile.concurrency(2, 8), sim);
        assertThat(r.failures()).isEqualTo(1);
        assertThat(r.samples()).hasSize(7);
        assertThat(sim[0].requestsServed()).isEqualTo(8);
    }

    @Test
    void aRunForADurationStopsEveryStreamAfterIt() {
        VllmSimulator[] sim = new VllmSimulator[1];
        LoadResult r = run(SimScript.defaults().withTtftMs(10).withInterTokenMs(1).withOutputTokens(4),
                LoadProfile.concurrency(2, 1).forDuration(Duration.ofMillis(300)), sim);
        assertThat(r.failures()).isZero();
        assertThat(r.samples()).hasSizeGreaterThanOrEqualTo(2);
        long start = r.samples().stream().mapToLong(LoadSample::scheduledNanos).min().orElseThrow();
        assertThat(r.samples()).allSatisfy(s -> assertThat(s.scheduledNanos() - start)
                .isLessThan(Duration.ofMillis(300).toNanos()));
        assertThat(sim[0].requestsServed()).isEqualTo(r.samples().size());
    }
}
