package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import dev.modelgate.engine.registry.Engines;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Servers elsewhere share the slots; a server on this machine never runs beside another. */
class CandidateSlotsTest {

    @Test
    void twoExternalCandidatesHoldTwoSlotsAtOnce() throws Exception {
        CandidateSlots slots = new CandidateSlots(2);
        try (CandidateSlots.Permit a = slots.acquire(candidate("external"));
             CandidateSlots.Permit b = slots.acquire(candidate("external"))) {
            assertThat(a).isNotSameAs(b);
        }
    }

    @Test
    void aSecondLocalServerWaitsUntilTheFirstIsDone() throws Exception {
        CandidateSlots slots = new CandidateSlots(2);
        CandidateSlots.Permit first = slots.acquire(candidate("vllm"));
        Thread[] waiting = new Thread[1];
        CompletableFuture<CandidateSlots.Permit> second = new CompletableFuture<>();
        waiting[0] = new Thread(() -> {
            try {
                second.complete(slots.acquire(candidate("llamacpp")));
            } catch (InterruptedException e) {
                second.completeExceptionally(e);
            }
        });
        waiting[0].start();
        while (waiting[0].getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // parked on the machine's lock, not finished
        }
        assertThat(second).isNotDone();
        first.close();
        first.close(); // once only: a second close gives nothing back twice
        second.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void aParallelismBelowOneIsRefused() {
        assertThatThrownBy(() -> new CandidateSlots(0)).hasMessageContaining("modelgate.parallel must be a whole number");
    }

    private static Candidate candidate(String engine) {
        Settings settings = Settings.ofMap(Map.of(Settings.ENGINE, engine));
        Problems problems = new Problems();
        Catalog catalog = CatalogLoader.load(settings, problems);
        problems.throwIfAny();
        return Engines.resolve(catalog.select("gemma-4-26b-a4b").get(0), settings);
    }
}
