package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.TtftChoice;
import dev.modelgate.measure.server.ServerCrossCheck;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.SimulatedChat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The harness against injected ground truth. The simulator is told when to send each token and
 * logs when it really did (same clock); the harness must read TTFT within 1 ms and decode speed
 * within 1 % of that. What the machine adds on its own (request dispatch, a late thread wake-up
 * in the simulator) is measured and taken out, never hidden: assertion messages show it.
 */
class GroundTruthTest {

    @RegisterExtension
    final SimulatedChat chat = new SimulatedChat();

    private PerformanceRun start(SimScript script, Sampling plan) {
        chat.start(script);
        Problems problems = new Problems();
        PerformancePrompts prompts = PerformancePrompts.load(Settings.ofMap(Map.of()), problems);
        problems.throwIfAny();
        return new PerformanceRun(chat.client(), prompts, plan);
    }

    /** A plan whose fixed-output prompt asks for 16 tokens. */
    private static Sampling plan(int warmup, int samples, List<Integer> levels) {
        return new Sampling(warmup, samples, levels, 16, 60, 20);
    }

    /** The same with the performance request fields of a candidate merged into every request. */
    private PerformanceRun start(SimScript script, Sampling plan, String fieldsJson) throws Exception {
        start(script, plan);
        Problems problems = new Problems();
        PerformancePrompts prompts = PerformancePrompts.load(Settings.ofMap(Map.of()), problems);
        return new PerformanceRun(chat.client().withFields((ObjectNode) new ObjectMapper().readTree(fieldsJson)), prompts, plan);
    }

    /**
     * Per request, TTFT minus what the environment added (request dispatch, the simulator's own
     * lateness) must read the injected value: p50 within 1 ms, plus this machine's scheduling
     * delay at the time (which the simulator measures as its own lateness, and which the client's
     * thread suffers too when it wakes to read the event; on a quiet machine it is a few µs).
     */
    private void assertTtft(List<Sample> series, double injectedMs) {
        Distribution measured = Distribution.of(series.stream().map(s -> s.ttftMs().getAsDouble()).toList());
        Distribution delay = Distribution.of(series.stream().map(s -> SimulatorTruth.of(s, chat.sim()).delayMs()).toList());
        Distribution late = Distribution.of(series.stream().map(s -> SimulatorTruth.of(s, chat.sim()).lateMs()).toList());
        Distribution corrected = Distribution.of(series.stream()
                .map(s -> s.ttftMs().getAsDouble() - SimulatorTruth.of(s, chat.sim()).delayMs()).toList());
        double tolerance = 1.0 + late.percentile(50);
        String context = String.format(Locale.ROOT, "TTFT p50 %.3f ms as measured; environment delay p50 %.3f ms"
                + " (request dispatch + simulator lateness, p50 %.3f ms); TTFT without it p50 %.3f ms; tolerance %.3f ms",
                measured.percentile(50), delay.percentile(50), late.percentile(50), corrected.percentile(50), tolerance);
        assertThat(series).as("the first token is never read before it was written").allSatisfy(s ->
                assertThat(s.ttftMs().getAsDouble()).isGreaterThanOrEqualTo(SimulatorTruth.of(s, chat.sim()).ttftMs()));
        System.out.println("[ground truth] " + context);
        assertThat(corrected.percentile(50)).as(context).isCloseTo(injectedMs, within(tolerance));
        assertThat(series).allSatisfy(s -> assertThat(SimulatorTruth.of(s, chat.sim()).scheduledTtftMs())
                .isCloseTo(injectedMs, within(1e-6)));
    }

    /**
     * Decode p50 against the pace the simulator really kept, within 1 % (plus this machine's
     * scheduling delay over the decode span, as for TTFT); and the pace it was told to keep.
     */
    private void assertDecode(List<Sample> series, double injected) {
        assertDecode(series, injected, 1);
    }

    /** {@code firstEventTokens}: how many tokens the simulator put in the first event. */
    private void assertDecode(List<Sample> series, double injected, int firstEventTokens) {
        Distribution measured = Distribution.of(series.stream().map(s -> s.decodeTokensPerSecond().getAsDouble())
                .toList());
        Distribution truth = Distribution.of(series.stream().map(s -> SimulatorTruth.of(s, chat.sim()).decode()).toList());
        Distribution late = Distribution.of(series.stream().map(s -> SimulatorTruth.of(s, chat.sim()).lateMs()).toList());
        Distribution relativeError = Distribution.of(series.stream().map(s -> Math.abs(
                s.decodeTokensPerSecond().getAsDouble() / SimulatorTruth.of(s, chat.sim()).decode() - 1)).toList());
        double spanMs = (series.get(0).completionTokens().getAsInt() - firstEventTokens) * 1000 / injected;
        double tolerance = 0.01 + late.percentile(50) / spanMs;
        String context = String.format(Locale.ROOT, "decode p50 %.3f tok/s; simulator's real pace p50 %.3f tok/s;"
                + " injected %.1f; relative error p50 %.4f, tolerance %.4f", measured.percentile(50),
                truth.percentile(50), injected, relativeError.percentile(50), tolerance);
        System.out.println("[ground truth] " + context);
        assertThat(relativeError.percentile(50)).as(context).isLessThanOrEqualTo(tolerance);
        assertThat(series).as("the simulator scheduled exactly the injected pace (when it wrote is the truth above)")
                .allSatisfy(s -> assertThat(SimulatorTruth.of(s, chat.sim()).scheduledDecode()).isCloseTo(injected,
                        within(injected * 1e-6)));
    }

    @Test
    void ttft250AndTwentyMillisecondsBetweenTokensReadBackExactly() {
        // The role chunk goes out at receipt: counted as the first token, TTFT would read ~1 ms.
        PerformanceRun run = start(SimScript.defaults().withTtftMs(250).withInterTokenMs(20).withOutputTokens(8),
                plan(1, 5, List.of(1)));

        SequentialResults r = run.sequential();

        assertThat(r.ttft().count()).isEqualTo(5);
        assertTtft(r.shortSeries(), 250);
        assertTtft(r.fixedOutputSeries(), 250);
        assertThat(r.decode().count()).isEqualTo(5);
        assertDecode(r.fixedOutputSeries(), 50);
        assertThat(r.itl().count()).as("15 gaps per request").isEqualTo(75);
        assertThat(r.itl().percentile(50)).as("ITL p50 ms").isCloseTo(20.0, within(1.0));
        assertThat(r.tokensPerEvent()).hasValue(1.0);
        assertThat(r.all()).allSatisfy(s -> assertThat(s.usage().ok()).isTrue());
        assertThat(r.outputControls()).isTrue();
        assertThat(r.fixedOutputSeries()).allSatisfy(s -> assertThat(s.completionTokens()).hasValue(16));
        assertThat(r.ttfb().percentile(50)).as("headers come at receipt, long before the first token")
                .isLessThan(r.ttft().percentile(50) - 200);
        assertThat(r.e2e().percentile(50)).as("E2E p50 ms: request → [DONE], after the last token")
                .isBetween(250.0 + 7 * 20, 250.0 + 7 * 20 + 100);

        // Warm-up requests reached the server but are not samples; every prompt had its own prefix.
        assertThat(r.all()).hasSize(5 + 5 + 5 + 1);
        assertThat(chat.sim().requestsServed()).as("samples and one warm-up per prompt").isEqualTo(16 + 1 + 1 + 1 + 1);
        List<String> starts = chat.sim().promptStarts();
        assertThat(starts).allSatisfy(p -> assertThat(p).startsWith("Request "));
        assertThat(new HashSet<>(starts.stream().map(p -> p.substring(0, p.indexOf(". "))).toList()))
                .hasSize(starts.size());
    }

    @Test
    void fourTokensPerEventStillGiveTheDecodeSpeedFromUsage() {
        PerformanceRun run = start(SimScript.defaults().withTtftMs(100).withInterTokenMs(20).withTokensPerEvent(4)
                .withOutputTokens(8), plan(0, 4, List.of(1)));

        SequentialResults r = run.sequential();

        assertDecode(r.fixedOutputSeries(), 50);
        Sample s = r.fixedOutputSeries().get(0);
        assertThat(s.outputEvents()).as("first token alone, then 4 + 4 + 4 + 3").isEqualTo(5);
        assertThat(r.tokensPerEvent().getAsDouble()).isCloseTo(16 / 5.0, within(0.01));
        // Counting events as tokens would read (5 − 1) / 300 ms ≈ 13 tok/s: this test would catch it.
        double eventsAsTokens = (s.outputEvents() - 1) / ((s.e2eMs() - s.ttftMs().getAsDouble()) / 1000);
        assertThat(eventsAsTokens).isLessThan(25);
    }

    /**
     * Time to first answer token, like TTFT: measured minus what the environment added (dispatch,
     * the simulator's lateness on the answer event) reads the injected value within 1 ms, plus this
     * machine's scheduling delay at the time.
     */
    private void assertAnswer(List<Sample> series, double injectedMs) {
        Distribution measured = Distribution.of(series.stream().map(s -> s.answerMs().getAsDouble()).toList());
        Distribution late = Distribution.of(series.stream().map(s -> SimulatorTruth.of(s, chat.sim()).answerLateMs()).toList());
        Distribution corrected = Distribution.of(series.stream()
                .map(s -> s.answerMs().getAsDouble() - SimulatorTruth.of(s, chat.sim()).answerDelayMs()).toList());
        double tolerance = 1.0 + late.percentile(50);
        String context = String.format(Locale.ROOT, "time to first answer p50 %.3f ms as measured; without the"
                + " environment's delay p50 %.3f ms; simulator lateness p50 %.3f ms; tolerance %.3f ms",
                measured.percentile(50), corrected.percentile(50), late.percentile(50), tolerance);
        System.out.println("[ground truth] " + context);
        assertThat(corrected.percentile(50)).as(context).isCloseTo(injectedMs, within(tolerance));
        assertThat(series).allSatisfy(s -> assertThat(SimulatorTruth.of(s, chat.sim()).scheduledAnswerMs())
                .isCloseTo(injectedMs, within(1e-6)));
    }

    @Test
    void tenReasoningEventsBeforeTheAnswerShowInTimeToFirstAnswerNotInTtft() {
        // TTFT 250 ms, then 10 reasoning tokens one an event, 20 ms apart: the answer's first token
        // is token 10, due at 250 + 10 × 20 = 450 ms.
        PerformanceRun run = start(SimScript.defaults().withTtftMs(250).withInterTokenMs(20).withReasoningTokens(10)
                .withOutputTokens(4), plan(1, 5, List.of(1)));

        SequentialResults r = run.sequential();

        for (List<Sample> series : List.of(r.shortSeries(), r.voiceTurnSeries())) {
            assertTtft(series, 250);
            assertAnswer(series, 450);
            assertThat(series).allSatisfy(s -> {
                assertThat(s.reasoningTokens()).as("counted from the cumulative usage of each event").hasValue(10);
                assertThat(s.reasoningMs().getAsDouble()).as("first reasoning event → first answer event")
                        .isCloseTo(200.0, within(10.0));
            });
        }
        assertThat(r.judged(TtftChoice.DEFAULTS).percentile(50)).as("the requirement judges the voice turn's answer")
                .isEqualTo(Distribution.of(r.voiceTurnSeries().stream().map(s -> s.answerMs().getAsDouble())
                        .toList()).percentile(50));
        assertThat(r.judged(new TtftChoice(TtftChoice.FIRST_TOKEN, "short")).percentile(50))
                .isEqualTo(r.ttft().percentile(50));
        assertThat(SequentialResults.reasoningMetric(r.voiceTurnSeries())).containsEntry("responsesWithReasoning", 5L);
    }

    @Test
    void aCandidateThatTurnsThinkingOffAnswersAtItsFirstToken() throws Exception {
        PerformanceRun run = start(SimScript.defaults().withTtftMs(250).withInterTokenMs(20).withReasoningTokens(10)
                .withOutputTokens(4), plan(0, 3, List.of(1)), "{\"chat_template_kwargs\": {\"enable_thinking\": false}}");

        SequentialResults r = run.sequential();

        assertTtft(r.voiceTurnSeries(), 250);
        assertThat(r.voiceTurnSeries()).allSatisfy(s -> {
            assertThat(s.answerMs()).as("the first token is the answer's").isEqualTo(s.ttftMs());
            assertThat(SimulatorTruth.of(s, chat.sim()).scheduledAnswerMs()).isCloseTo(250.0, within(1e-6));
            assertThat(s.reasoningMs()).isEmpty();
        });
        assertThat(run.requestFields().toString()).isEqualTo("{\"chat_template_kwargs\":{\"enable_thinking\":false}}");
    }

    @Test
    void fourTokensInEveryEventWithContinuousUsageGiveTheExactDecodeSpeed() {
        // Speculative decoding or a stream interval: the first event holds 4 tokens as well. 64 tokens
        // at 20 ms: (64 − 1) / 1.2 s would read 52.5 tok/s; taking out the first event's 4 reads 50.
        PerformanceRun run = start(SimScript.defaults().withTtftMs(20).withInterTokenMs(20).withTokensPerEvent(4)
                .withFirstTokenAlone(false), new Sampling(0, 3, List.of(1), 64, 60, 20));

        SequentialResults r = run.sequential();

        assertDecode(r.fixedOutputSeries(), 50, 4);
        assertThat(r.decode().percentile(50)).isCloseTo(50.0, within(0.5));
        assertThat(r.decodeExact()).isTrue();
        assertThat(r.decodeEstimated()).isFalse();
        assertThat(r.tokensPerEventDistribution()).containsExactly(Map.entry("4", 48L));
        assertThat(r.decodeMethodMetric()).containsEntry("method", "exact").containsEntry("estimate", false);
    }

    @Test
    void fourTokensInEveryEventWithoutContinuousUsageAreFlaggedAsAnEstimate() {
        PerformanceRun run = start(SimScript.defaults().withTtftMs(20).withInterTokenMs(20).withTokensPerEvent(4)
                .withFirstTokenAlone(false).withContinuousUsage(false), new Sampling(0, 3, List.of(1), 64, 60, 20));

        SequentialResults r = run.sequential();

        assertThat(r.decodeEstimated()).isTrue();
        assertThat(r.decodeExact()).isFalse();
        assertThat(r.fixedOutputSeries()).allSatisfy(s -> assertThat(s.decodeEstimate()).isTrue());
        assertThat(r.tokensPerEvent()).hasValue(4.0);
        assertThat(r.tokensPerEventDistribution()).as("unknown without per-event counts").isEmpty();
        assertThat(r.decodeMethodMetric()).containsEntry("estimate", true).containsEntry("meanTokensPerEvent", 4.0);
        // The estimate reads high by (4 − 1) / (64 − 1): 52.5 for 50.
        assertThat(r.decode().percentile(50)).isCloseTo(52.5, within(52.5 * 0.01));
    }

    @Test
    void theServersOwnCountersEqualWhatItServed() {
        PerformanceRun run = start(SimScript.defaults().withTtftMs(250).withInterTokenMs(5).withReasoningTokens(3)
                .withOutputTokens(8), plan(1, 3, List.of(1)));

        ServerCrossCheck check = run.crossCheck().orElseThrow();
        SequentialResults r = run.sequential();

        long sent = r.all().size() + 4; // one warm-up per prompt
        assertThat(check.clientRequests()).isEqualTo(sent);
        assertThat(check.serverRequests()).isEqualTo(sent);
        assertThat(check.serverPromptTokens()).hasValue(check.clientPromptTokens());
        assertThat(check.serverGenerationTokens()).hasValue(check.clientCompletionTokens());
        assertThat(check.clientCompletionTokens()).as("3 reasoning + 8 content (short, voice turn, long), 16 (fixed output)")
                .isEqualTo(2 * 4 * 11 + 4 * 16 + 2 * 11);
        assertThat(check.flagged()).isFalse();
        assertThat(check.serverTtftMeanMs().getAsDouble()).as("the server times from when it takes the request")
                .isBetween(250.0, 250.0 + 50);
        assertThat(check.serverTtftP50Ms().getAsDouble()).as("interpolated in the 0.1–0.25 s or 0.25–0.5 s bucket")
                .isBetween(100.0, 500.0);
        assertThat(check.ttftDiscrepancyMs().getAsDouble()).as("client − server: dispatch on loopback")
                .isBetween(0.0, 50.0);
        assertThat(check.toMetric()).containsEntry("flagged", false);
    }

    @Test
    void aRoleChunkSentBeforeTheFirstTokenDoesNotCount() {
        PerformanceRun run = start(SimScript.defaults().withTtftMs(250).withRoleChunkLeadMs(200).withInterTokenMs(5)
                .withOutputTokens(4), plan(0, 3, List.of(1)));

        SequentialResults r = run.sequential();

        assertTtft(r.shortSeries(), 250); // the role chunk came at 50 ms
    }

    @Test
    void sixtyFourStreamsInParallelAreObservedAndScale() {
        // Each stream lasts over a second, so that all 64 overlap even when a busy machine needs a
        // few hundred milliseconds to put them on the wire.
        PerformanceRun run = start(SimScript.defaults().withTtftMs(600).withInterTokenMs(20).withOutputTokens(40),
                new Sampling(0, 1, List.of(1, 64), 40, 60, 20));

        List<ConcurrencyLevel> levels = run.sweep();

        ConcurrencyLevel one = levels.get(0);
        ConcurrencyLevel many = levels.get(1);
        assertThat(one.observedPeak()).isEqualTo(1);
        assertThat(many.target()).isEqualTo(64);
        assertThat(many.samples()).hasSize(64);
        assertThat(many.failures()).isZero();
        assertThat(many.observedPeak()).isEqualTo(64);
        assertThat(many.clientBottleneck()).isFalse();
        // (The simulator's own peak is not asserted: on a starved machine its single accepting
        // thread may start some handlers only after others finished; the client-side peak is the
        // harness's figure, and the simulator's capacity has its own test.)
        assertThat(many.decode().percentile(50)).as("each stream still decodes at about 50 tok/s")
                .isCloseTo(50.0, within(1.5));
        // Aggregate = completion tokens from usage / (first send → last [DONE]). A client that capped
        // or serialised the streams would scale by 5× or 1×; a busy two-core machine that needs a
        // while to put 64 requests on the wire loses some of the 64× (the message shows how much).
        long tokens = many.samples().stream().mapToLong(x -> x.completionTokens().getAsInt()).sum();
        long firstSent = many.samples().stream().mapToLong(Sample::sentNanos).min().getAsLong();
        long lastDone = many.samples().stream().mapToLong(Sample::doneNanos).max().getAsLong();
        long lastSent = many.samples().stream().mapToLong(Sample::sentNanos).max().getAsLong();
        assertThat(tokens).isEqualTo(64 * 40);
        assertThat(many.outputTokensPerSecond()).isCloseTo(tokens / ((lastDone - firstSent) / 1e9), within(1e-6));
        double ratio = many.outputTokensPerSecond() / one.outputTokensPerSecond();
        assertThat(ratio).as(String.format(Locale.ROOT, "aggregate %.1f tok/s at 64 streams / %.1f at 1 (send spread"
                + " %.1f ms)", many.outputTokensPerSecond(), one.outputTokensPerSecond(), (lastSent - firstSent) / 1e6))
                .isBetween(32.0, 64 * 1.05);
        Map<String, Object> row = many.toMetric();
        assertThat(row).containsKeys("target", "observedPeak", "outputTokensPerSecond", "decodeTokensPerSecond",
                "ttftMs", "scheduleLagMs", "n");
    }

    @Test
    void aServerThatRefusesIgnoreEosIsAskedAgainWithoutIt() {
        PerformanceRun run = start(SimScript.defaults().withTtftMs(5).withInterTokenMs(2).withOutputTokens(6)
                .withAcceptsIgnoreEos(false), plan(1, 2, List.of(1)));

        SequentialResults r = run.sequential();

        assertThat(r.outputControls()).isFalse();
        assertThat(r.fixedOutputSeries()).allSatisfy(s -> assertThat(s.completionTokens()).hasValue(6));
        assertThat(run.notes()).anySatisfy(n -> assertThat(n).contains("refused ignore_eos/min_tokens",
                "Unrecognized request argument supplied: ignore_eos"));
    }

    @Test
    void missingUsageIsFlaggedAndLeavesNoDecodeFigure() {
        PerformanceRun run = start(SimScript.defaults().withTtftMs(5).withInterTokenMs(2).withSendsUsage(false),
                plan(0, 2, List.of(1)));

        SequentialResults r = run.sequential();

        assertThat(r.decode().isEmpty()).isTrue();
        assertThat(r.usageMetric()).containsEntry("missing", 7L).containsEntry("n", 7);
        assertThat(run.notes()).anySatisfy(n -> assertThat(n).contains("no usage chunk"));
    }
}
