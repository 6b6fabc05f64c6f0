package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.BuiltInCatalogue;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Facts;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import dev.modelgate.qualification.CapacityEvidence;
import dev.modelgate.qualification.PerformanceRequirementTests;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.RecordingEvidence;
import dev.modelgate.testing.SimulatedChat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The performance requirement tests against the simulator: what they record, and that they sample once. */
class PerformanceRequirementTestsTest {

    private final PerformanceRequirementTests suite = new PerformanceRequirementTests() { };
    private final Requirements requirements = BuiltInCatalogue.get().requirements()
            .withSampling(new Sampling(0, 3, List.of(1, 4), 8, 60, 20));
    private final Settings settings = Settings.ofMap(Map.of());
    private final Candidate candidate = Candidate.adHoc("sim/model");
    @RegisterExtension
    final SimulatedChat chat = new SimulatedChat();

    private void start(SimScript script) {
        chat.start(script);
    }

    private RecordingEvidence evidence(String requirement) {
        return new RecordingEvidence(candidate, requirements.require(requirement));
    }

    @Test
    void theThreeTestsReportFromOneSampling() {
        start(SimScript.defaults().withTtftMs(100).withInterTokenMs(10).withOutputTokens(8));
        RecordingEvidence ttft = evidence("ttft");
        RecordingEvidence decode = evidence("decode");
        RecordingEvidence sweep = evidence("decode");

        suite.ttft(chat.client(), requirements, settings, ttft);
        suite.decode(chat.client(), requirements, settings, decode);
        suite.decodeUnderConcurrency(chat.client(), requirements, settings, sweep);

        assertThat(ttft.judgement().label()).isEqualTo("Time to first answer token p50 (voice-turn)");
        assertThat((Double) ttft.judgement().value()).isCloseTo(100, within(15.0));
        assertThat(ttft.metrics().fieldNames()).toIterable().contains("ttftMs", "timeToFirstAnswerMs", "reasoning",
                "ttfbMs", "e2eMs", "longPrompt", "voiceTurn", "ttftJudged", "performanceRequestFields",
                "serverCrossCheck");
        assertThat(ttft.metric("ttftMs")).containsOnlyKeys("p50", "p90", "p99", "n").containsEntry("n", 3);
        assertThat(ttft.metric("ttftJudged")).containsEntry("figure", "first-answer-token")
                .containsEntry("prompt", "voice-turn").containsEntry("n", 3);
        assertThat(ttft.metric("serverCrossCheck")).containsEntry("available", true).containsEntry("flagged", false);
        assertThat(ttft.attachments()).containsKeys("TTFT samples", "Time to first answer token distribution",
                "TTFT distribution");
        assertThat(ttft.attachments().get("TTFT distribution")).startsWith("<svg");
        assertThat(ttft.notes()).anySatisfy(n -> assertThat(n).startsWith("judged: time to first answer token p50"
                + " over the voice-turn prompt"));

        assertThat(decode.judgement().label()).isEqualTo("Decode p50");
        assertThat((Double) decode.judgement().value()).isCloseTo(100, within(3.0));
        assertThat(decode.metrics().fieldNames()).toIterable().contains("decodeTokensPerSecond", "itlMs", "usage");
        assertThat(decode.metric("usage")).containsEntry("missing", 0L).containsEntry("disagrees", 0L);
        assertThat(decode.metric("decodeMethod")).containsEntry("method", "exact");
        assertThat(decode.metric("decodeCeiling")).containsEntry("available", false);

        assertThat(sweep.judgements()).as("the sweep reports and never judges").isEmpty();
        JsonNode rows = sweep.metrics().get("concurrency");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get("target").asInt()).isEqualTo(4);
        assertThat(rows.get(1).get("observedPeak").asInt()).isEqualTo(4);
        assertThat(sweep.attachments()).containsKeys("Concurrency samples", "Throughput vs concurrency");

        // 3 short + 3 voice turn + 3 fixed-output + 1 long, then 4 streams at concurrency 4: nothing sampled twice.
        assertThat(chat.sim().requestsServed()).isEqualTo(3 + 3 + 3 + 1 + 4);
    }

    @Test
    void theCapacityTestReportsItsLevelsTableAndChartWithoutJudgingWhenNoThresholdIsSet() {
        start(SimScript.defaults().withTtftMs(10).withInterTokenMs(2).withOutputTokens(4));
        dev.modelgate.catalog.CapacityPlan small = new dev.modelgate.catalog.CapacityPlan(
                List.of(new dev.modelgate.catalog.SloBound("ttft", 95, 1000)), "concurrency", 1, 2, 0.1, 60, 5, 6, 0,
                0, 0, 42, 50);
        Requirements table = withCapacity(small);
        RecordingEvidence capacity = new RecordingEvidence(candidate, table.require("capacity"));

        suite.capacity(chat.client(), table, settings, capacity);

        assertThat(capacity.judgements()).as("reported, not judged").isEmpty();
        assertThat(capacity.metric("capacity")).containsEntry("capacity", 2).containsEntry("unit", "streams")
                .containsEntry("stoppedBecause", "the highest level searched, 2 concurrent, still meets the SLO");
        assertThat(capacity.attachments().get("Capacity levels")).startsWith(CapacityTable.HEADER + "\n1,true,")
                .contains("\n2,true,");
        assertThat(capacity.attachments().get("Capacity at the SLO")).startsWith("<svg");
        assertThat(capacity.notes()).contains("reported, not judged: requirements.capacity sets no threshold")
                .anySatisfy(n -> assertThat(n).startsWith("serves 2 concurrent voice turns within the SLO (TTFT p95 <"
                        + " 1000 ms), goodput "))
                .anySatisfy(n -> assertThat(n).startsWith("meets the SLO — 1 concurrent: TTFT p50"));
    }

    @Test
    void theCapacityTestIsSkippedWithoutASearchOrWhenSwitchedOff() {
        start(SimScript.defaults().withTtftMs(5).withInterTokenMs(1).withOutputTokens(2));
        Requirements none = withCapacity(null);
        assertThatThrownBy(() -> suite.capacity(chat.client(), none, settings, new RecordingEvidence(candidate,
                none.require("capacity"))))
                .isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessageContaining("no capacity search: requirements.yaml has no slo: and capacity: blocks");
        Settings off = Settings.ofMap(Map.of(CapacityEvidence.SETTING, "false"));
        assertThatThrownBy(() -> suite.capacity(chat.client(), requirements, off, evidence("capacity")))
                .isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessageContaining("the capacity search is off (modelgate.capacity=false)");
        assertThat(chat.sim().requestsServed()).as("nothing was sent").isZero();
    }

    private Requirements withCapacity(dev.modelgate.catalog.CapacityPlan plan) {
        Requirements r = requirements;
        return new Requirements(r.baseline(), r.swapThreshold(), r.weights(), r.machine(), r.sampling(),
                r.requirements(), r.scoring(), r.source(), r.ttft(), plan);
    }

    @Test
    void aDecodeAboveWhatTheMachinesBandwidthAllowsIsFlagged() {
        // 30 B active parameters in BF16 read 60 GB a token: 273 GB/s allow 4.55 tok/s, the simulator makes 100.
        start(SimScript.defaults().withTtftMs(5).withInterTokenMs(10).withOutputTokens(8));
        Facts facts = new Facts(null, 30.0, 30.0, false, "BF16", null, null, null, null, null);
        Candidate dense = new Candidate("sim/model", "sim/model", false, List.of(), null, null, 0, facts, null, null,
                Optional.empty());
        RecordingEvidence decode = new RecordingEvidence(dense, requirements.require("decode"));

        suite.decode(chat.client(), requirements, settings, decode);

        assertThat(decode.metric("decodeCeiling")).containsEntry("ceilingTokensPerSecond", 4.55)
                .containsEntry("memoryBandwidthGBps", 273.0).containsEntry("bytesPerWeight", 2.0)
                .containsEntry("plausible", false);
        assertThat(decode.notes()).anySatisfy(n -> assertThat(n).startsWith("FLAGGED: decode p50")
                .contains("check speculative decoding or token counting"));
    }

    @Test
    void aMustHaveMissFailsTheTtftTestWithTheFigure() {
        start(SimScript.defaults().withTtftMs(320).withInterTokenMs(1).withOutputTokens(2));

        assertThatThrownBy(() -> suite.ttft(chat.client(), requirements, settings, evidence("ttft")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Time to first answer token p50 (voice-turn) 32")
                .hasMessageEndingWith("(must-have)");
    }

    @Test
    void withoutUsageTheDecodeTestIsBrokenAndSaysWhy() {
        start(SimScript.defaults().withTtftMs(5).withInterTokenMs(2).withSendsUsage(false));
        RecordingEvidence decode = evidence("decode");

        assertThatThrownBy(() -> suite.decode(chat.client(), requirements, settings, decode))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decode speed needs completion_tokens from the usage chunk")
                .hasMessageContaining("no usage chunk although stream_options.include_usage was true");
        assertThat(decode.metric("usage")).containsEntry("missing", 10L);
    }
}
