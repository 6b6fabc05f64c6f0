package dev.modelgate.qualification;

import dev.modelgate.Evidence;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The performance requirements. The candidate is sampled once — warm-up, then one request at a
 * time over the short, voice-turn, fixed-output and long prompts of {@code cases/performance/},
 * with the candidate's performance request fields, between two scrapes of the server's
 * {@code /metrics}, then the concurrency sweep — and each test reports its share of the figures
 * with the raw samples (CSV) and a chart (SVG). Last, the capacity at the SLO, measured on its own.
 */
public interface PerformanceRequirementTests {

    /**
     * Time to first answer token (or time to first token) p50 over the voice turn (or the prompt
     * {@code requirements.yaml} names), against the {@code ttft} thresholds.
     */
    @Test
    @Requirement("ttft")
    @Order(300)
    @DisplayName("Time to first (answer) token p50")
    default void ttft(ChatClient client, Requirements requirements, Settings settings, Evidence evidence) {
        PerformanceEvidence.ttft(client, requirements, settings, evidence);
    }

    /** Decode speed, p50 of per-request tokens per second over the fixed-output prompt, against {@code decode}. */
    @Test
    @Requirement("decode")
    @Order(310)
    @DisplayName("Decode speed p50 (fixed output)")
    default void decode(ChatClient client, Requirements requirements, Settings settings, Evidence evidence) {
        PerformanceEvidence.decode(client, requirements, settings, evidence);
    }

    /**
     * Throughput under concurrency: reported under {@code decode} (per-request decode speed at each
     * level sits beside the aggregate), never judged, since the requirement table sets no threshold
     * for it.
     */
    @Test
    @Requirement("decode")
    @Order(320)
    @DisplayName("Throughput under concurrency (report only)")
    default void decodeUnderConcurrency(ChatClient client, Requirements requirements, Settings settings,
                                        Evidence evidence) {
        PerformanceEvidence.concurrency(client, requirements, settings, evidence);
    }

    /**
     * The highest load (concurrent voice turns, or requests per second) that meets the SLO of
     * {@code requirements.yaml}, found by the bounded search of its {@code capacity:} block, with
     * goodput, the stopping reason, every level and a chart. Reported, not judged, unless the table
     * gives {@code requirements.capacity} a threshold; skipped when the table has no such block or
     * {@code -Dmodelgate.capacity=false}.
     */
    @Test
    @Requirement("capacity")
    @Order(330)
    @DisplayName("Capacity at the SLO")
    default void capacity(ChatClient client, Requirements requirements, Settings settings, Evidence evidence) {
        CapacityEvidence.capacity(client, requirements, settings, evidence);
    }
}
