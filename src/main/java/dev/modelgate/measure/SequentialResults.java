package dev.modelgate.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The samples taken one request at a time, and the figures of SPEC §4 computed from them: TTFT,
 * TTFB and E2E from the short prompt; decode speed and ITL from the fixed-output prompt; TTFT
 * under the long prompt; and how far the usage chunks can be trusted.
 *
 * @param longTextTokens  the long prompt's text length as sent, in tokens of four characters
 * @param outputControls  whether the fixed-output requests carried {@code ignore_eos}/{@code min_tokens}
 */
public record SequentialResults(List<Sample> shortSeries, List<Sample> fixedOutputSeries, List<Sample> longSeries,
                                int longTextTokens, boolean outputControls) {

    public SequentialResults {
        shortSeries = List.copyOf(shortSeries);
        fixedOutputSeries = List.copyOf(fixedOutputSeries);
        longSeries = List.copyOf(longSeries);
    }

    public List<Sample> all() {
        return Stream.of(shortSeries, fixedOutputSeries, longSeries).flatMap(List::stream).toList();
    }

    public Distribution ttft() {
        return present(shortSeries.stream().map(Sample::ttftMs));
    }

    public Distribution ttfb() {
        return Distribution.of(shortSeries.stream().map(Sample::ttfbMs).toList());
    }

    public Distribution e2e() {
        return Distribution.of(shortSeries.stream().map(Sample::e2eMs).toList());
    }

    public Distribution decode() {
        return present(fixedOutputSeries.stream().map(Sample::decodeTokensPerSecond));
    }

    public Distribution itl() {
        return Distribution.of(fixedOutputSeries.stream().flatMap(s -> s.itlMs().stream()).toList());
    }

    public Distribution longTtft() {
        return present(longSeries.stream().map(Sample::ttftMs));
    }

    /** {@code metrics.ttftMs}: p50, p90, p99 and n over the short prompt. */
    public Map<String, Object> ttftMetric() {
        return ttft().summary(50, 90, 99);
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

    private static Distribution present(Stream<OptionalDouble> values) {
        return Distribution.of(values.filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble)
                .filter(Objects::nonNull).toList());
    }
}
