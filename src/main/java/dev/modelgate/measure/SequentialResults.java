package dev.modelgate.measure;

import dev.modelgate.catalog.TtftChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The samples taken one request at a time, and the figures computed from them: TTFT, time to
 * first answer token, TTFB and E2E from the short prompt and the voice turn; decode speed, ITL and
 * tokens per event from the fixed-output prompt; TTFT under the long prompt; and how far the usage
 * chunks can be trusted.
 *
 * @param longTextTokens  the long prompt's text length as sent, in tokens of four characters
 * @param outputControls  whether the fixed-output requests carried {@code ignore_eos}/{@code min_tokens}
 */
public record SequentialResults(List<Sample> shortSeries, List<Sample> voiceTurnSeries, List<Sample> fixedOutputSeries,
                                List<Sample> longSeries, int longTextTokens, boolean outputControls) {

    public SequentialResults {
        shortSeries = List.copyOf(shortSeries);
        voiceTurnSeries = List.copyOf(voiceTurnSeries);
        fixedOutputSeries = List.copyOf(fixedOutputSeries);
        longSeries = List.copyOf(longSeries);
    }

    public List<Sample> all() {
        return Stream.of(shortSeries, voiceTurnSeries, fixedOutputSeries, longSeries).flatMap(List::stream).toList();
    }

    /** The series of a prompt kind ({@code short}, {@code voice-turn}, {@code long}, {@code fixed-output}). */
    public List<Sample> series(String kind) {
        return switch (kind) {
            case PerformanceRun.SHORT -> shortSeries;
            case PerformanceRun.VOICE_TURN -> voiceTurnSeries;
            case PerformanceRun.LONG -> longSeries;
            case PerformanceRun.FIXED_OUTPUT -> fixedOutputSeries;
            default -> throw new IllegalArgumentException("no series '" + kind + "'");
        };
    }

    public Distribution ttft() {
        return present(shortSeries, Sample::ttftMs);
    }

    /** Time to first answer token over the short prompt: reasoning excluded. */
    public Distribution answer() {
        return present(shortSeries, Sample::answerMs);
    }

    public Distribution ttfb() {
        return Distribution.of(shortSeries.stream().map(Sample::ttfbMs).toList());
    }

    public Distribution e2e() {
        return Distribution.of(shortSeries.stream().map(Sample::e2eMs).toList());
    }

    public Distribution decode() {
        return present(fixedOutputSeries, Sample::decodeTokensPerSecond);
    }

    public Distribution itl() {
        return Distribution.of(fixedOutputSeries.stream().flatMap(s -> s.itlMs().stream()).toList());
    }

    public Distribution longTtft() {
        return present(longSeries, Sample::ttftMs);
    }

    /** The figure the {@code ttft} requirement judges, over the prompt it is judged on. */
    public Distribution judged(TtftChoice choice) {
        return present(series(choice.prompt()), choice.answerToken() ? Sample::answerMs : Sample::ttftMs);
    }

    /** {@code metrics.ttftMs}: p50, p90, p99 and n over the short prompt. */
    public Map<String, Object> ttftMetric() {
        return ttft().summary(50, 90, 99);
    }

    /** {@code metrics.timeToFirstAnswerMs}: the same over the short prompt, reasoning excluded. */
    public Map<String, Object> answerMetric() {
        return answer().summary(50, 90, 99);
    }

    public Map<String, Object> decodeMetric() {
        return decode().summary(50, 90);
    }

    public Map<String, Object> itlMetric() {
        return itl().summary(50, 99);
    }

    public Map<String, Object> e2eMetric() {
        return e2e().summary(50);
    }

    public Map<String, Object> ttfbMetric() {
        return ttfb().summary(50);
    }

    /** TTFT under the long prompt, with the prompt's size. */
    public Map<String, Object> longPromptMetric() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("promptTokens", longTextTokens);
        m.put("ttftMs", longTtft().summary(50));
        m.put("timeToFirstAnswerMs", present(longSeries, Sample::answerMs).summary(50));
        return m;
    }

    /** {@code metrics.voiceTurn}: TTFT, time to first answer token, reasoning and E2E of the voice turn. */
    public Map<String, Object> voiceTurnMetric() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ttftMs", present(voiceTurnSeries, Sample::ttftMs).summary(50, 90, 99));
        m.put("timeToFirstAnswerMs", present(voiceTurnSeries, Sample::answerMs).summary(50, 90, 99));
        m.put("e2eMs", Distribution.of(voiceTurnSeries.stream().map(Sample::e2eMs).toList()).summary(50));
        m.put("reasoning", reasoningMetric(voiceTurnSeries));
        return m;
    }

    /** {@code metrics.ttftJudged}: which figure over which prompt the requirement judged, and its percentiles. */
    public Map<String, Object> judgedMetric(TtftChoice choice) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figure", choice.figure());
        m.put("prompt", choice.prompt());
        m.putAll(judged(choice).summary(50, 90, 99));
        return m;
    }

    /**
     * {@code reasoning} of a series: how many responses streamed reasoning separately from the answer,
     * how long it lasted and how many tokens it took (where the server's counts give them).
     */
    public static Map<String, Object> reasoningMetric(List<Sample> series) {
        Map<String, Object> m = new LinkedHashMap<>();
        long reasoned = series.stream().filter(s -> s.reasoningMs().isPresent()).count();
        m.put("responsesWithReasoning", reasoned);
        m.put("n", series.size());
        if (reasoned > 0) {
            m.put("durationMs", present(series, Sample::reasoningMs).summary(50, 90));
            Distribution tokens = Distribution.of(series.stream().map(Sample::reasoningTokens)
                    .filter(java.util.OptionalInt::isPresent).map(java.util.OptionalInt::getAsInt).toList());
            m.put("tokens", tokens.summary(50, 90));
        }
        return m;
    }

    /**
     * {@code metrics.usage}: how many responses had no usage chunk, or one that disagrees with
     * the stream; the mean tokens per output event of the fixed-output prompt; the reasons seen.
     */
    public Map<String, Object> usageMetric() {
        List<Sample> all = all();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("missing", all.stream().filter(s -> s.usage().status() == UsageCheck.Status.MISSING).count());
        m.put("disagrees", all.stream().filter(s -> s.usage().status() == UsageCheck.Status.DISAGREES).count());
        m.put("n", all.size());
        tokensPerEvent().ifPresent(v -> m.put("tokensPerEvent", Distribution.round(v)));
        m.put("outputControls", outputControls);
        List<String> reasons = problems();
        if (!reasons.isEmpty()) {
            m.put("problems", reasons);
        }
        return m;
    }

    /**
     * {@code metrics.decodeMethod}: whether decode speed is exact (every event of every fixed-output
     * response carried the cumulative token count, so the first event's tokens are taken out exactly)
     * or an estimate (the first event taken as one token while events held more on average), with the
     * mean tokens per event and, when counted, their distribution.
     */
    public Map<String, Object> decodeMethodMetric() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", decodeExact() ? "exact" : "first event taken as one token");
        m.put("estimate", decodeEstimated());
        tokensPerEvent().ifPresent(v -> m.put("meanTokensPerEvent", Distribution.round(v)));
        Map<String, Long> distribution = tokensPerEventDistribution();
        if (!distribution.isEmpty()) {
            m.put("tokensPerEvent", distribution);
            m.put("firstEventTokens", Distribution.of(fixedOutputSeries.stream().filter(Sample::countedEveryEvent)
                    .map(s -> s.tokensPerEvent().get(0)).toList()).summary(50));
        }
        return m;
    }

    /** Whether every fixed-output response with a decode figure counted the tokens of every event. */
    public boolean decodeExact() {
        List<Sample> measured = fixedOutputSeries.stream().filter(s -> s.decodeTokensPerSecond().isPresent()).toList();
        return !measured.isEmpty() && measured.stream().allMatch(Sample::countedEveryEvent);
    }

    /** Whether any decode figure is an estimate (see {@link Sample#decodeEstimate()}). */
    public boolean decodeEstimated() {
        return fixedOutputSeries.stream().anyMatch(Sample::decodeEstimate);
    }

    /** How many output events held 1, 2, 3 … tokens, over the fixed-output responses that counted them. */
    public Map<String, Long> tokensPerEventDistribution() {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        fixedOutputSeries.stream().flatMap(s -> s.tokensPerEvent().stream()).forEach(k -> counts.merge(k, 1L, Long::sum));
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, n) -> out.put(String.valueOf(k), n));
        return out;
    }

    /** Mean completion tokens per output event over the fixed-output prompt (1.0 = one token an event). */
    public OptionalDouble tokensPerEvent() {
        long tokens = 0;
        long events = 0;
        for (Sample s : fixedOutputSeries) {
            if (s.usage().ok() && s.completionTokens().isPresent()) {
                tokens += s.completionTokens().getAsInt();
                events += s.outputEvents();
            }
        }
        return events == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) tokens / events);
    }

    /** The distinct reasons why usage was missing or disagreed, each with how many responses. */
    public List<String> problems() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        all().stream().filter(s -> !s.usage().ok())
                .forEach(s -> counts.merge(s.series() + ": " + s.usage().reason(), 1, Integer::sum));
        List<String> out = new ArrayList<>();
        counts.forEach((reason, n) -> out.add(reason + " (" + n + "×)"));
        return out;
    }

    private static Distribution present(List<Sample> series, Function<Sample, OptionalDouble> figure) {
        return Distribution.of(series.stream().map(figure).filter(OptionalDouble::isPresent)
                .map(OptionalDouble::getAsDouble).filter(Objects::nonNull).toList());
    }
}
