package dev.modelgate.measure;

import dev.modelgate.Evidence;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.Threshold;
import dev.modelgate.client.ChatClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the performance requirement tests record: the figures of SPEC §4 into the result file,
 * the raw samples (CSV) and a chart (SVG) into the report, notes on how they were obtained, and
 * the judgement. The measurements themselves come from the candidate's shared
 * {@link PerformanceRun}, so the server is sampled once however many tests report on it.
 */
public final class PerformanceEvidence {

    private PerformanceEvidence() {
    }

    /** The TTFT requirement: p50 over the short prompt; also TTFB, E2E and TTFT under the long prompt. */
    public static void ttft(ChatClient client, Requirements requirements, Settings settings, Evidence evidence) {
        PerformanceRun run = run(client, requirements, settings, evidence);
        SequentialResults r = sequential(run, evidence);
        evidence.metric("ttftMs", r.ttftMetric());
        evidence.metric("ttfbMs", r.ttfbMetric());
        evidence.metric("e2eMs", r.e2eMetric());
        evidence.metric("longPrompt", r.longPromptMetric());
        evidence.attach("TTFT samples", "text/csv", "csv", SamplesCsv.of(r.all()));
        Distribution ttft = r.ttft();
        if (ttft.isEmpty()) {
            throw new IllegalStateException("no response to the short prompt carried any output (content, reasoning or"
                    + " tool calls), so there is no first token to time; see the attached samples");
        }
        double p50 = Distribution.round(ttft.percentile(50));
        evidence.attach("TTFT distribution", "image/svg+xml", "svg", SvgCharts.distribution(
                "Time to first token, short prompt", "ms", values(r.shortSeries(), true),
                markers(evidence.requirement(), p50)));
        evidence.note(String.format(Locale.ROOT, "TTFT p50 %.1f ms, p90 %.1f ms, p99 %.1f ms over n=%d (TTFB p50 %.1f ms;"
                        + " long prompt of %,d tokens: TTFT p50 %.1f ms)", p50, ttft.percentile(90), ttft.percentile(99),
                ttft.count(), r.ttfb().percentile(50), r.longTextTokens(), r.longTtft().percentile(50)));
        evidence.judge("TTFT p50", p50);
    }

    /** The decode requirement: p50 of per-request decode speed over the fixed-output prompt; also ITL and usage. */
    public static void decode(ChatClient client, Requirements requirements, Settings settings, Evidence evidence) {
        PerformanceRun run = run(client, requirements, settings, evidence);
        SequentialResults r = sequential(run, evidence);
        evidence.metric("decodeTokensPerSecond", r.decodeMetric());
        evidence.metric("itlMs", r.itlMetric());
        evidence.metric("usage", r.usageMetric());
        evidence.attach("Decode samples", "text/csv", "csv", SamplesCsv.of(r.fixedOutputSeries()));
        Distribution decode = r.decode();
        if (decode.isEmpty()) {
            throw new IllegalStateException("decode speed needs completion_tokens from the usage chunk (one SSE event"
                    + " may hold several tokens, so events are never counted instead), and no fixed-output response had a"
                    + " usable one: " + String.join("; ", r.problems().isEmpty()
                    ? List.of("every answer came in a single event") : r.problems()));
        }
        double p50 = Distribution.round(decode.percentile(50));
        evidence.attach("Decode speed distribution", "image/svg+xml", "svg", SvgCharts.distribution(
                "Decode speed per request, fixed output", "tok/s", values(r.fixedOutputSeries(), false),
                markers(evidence.requirement(), p50)));
        evidence.note(String.format(Locale.ROOT, "decode p50 %.1f tok/s, p90 %.1f tok/s over n=%d requests of %d tokens"
                        + " (%s); ITL p50 %.1f ms, p99 %.1f ms; %.2f tokens per event", p50, decode.percentile(90),
                decode.count(), r.fixedOutputSeries().isEmpty() ? 0
                        : r.fixedOutputSeries().get(0).completionTokens().orElse(0),
                r.outputControls() ? "ignore_eos and min_tokens sent" : "without ignore_eos/min_tokens",
                r.itl().percentile(50), r.itl().percentile(99), r.tokensPerEvent().orElse(Double.NaN)));
        evidence.judge("Decode p50", p50);
    }

    /**
     * The concurrency sweep, reported under the decode requirement without judging it (the table
     * has no threshold for throughput under load): one row per level, a chart, and a note for
     * every level where the client, not the server, limited the concurrency.
     */
    public static void concurrency(ChatClient client, Requirements requirements, Settings settings,
                                   Evidence evidence) {
        PerformanceRun run = run(client, requirements, settings, evidence);
        sequential(run, evidence);
        List<ConcurrencyLevel> levels;
        try {
            levels = run.sweep();
        } catch (RuntimeException e) {
            evidence.note("the concurrency sweep failed during " + run.activity());
            throw e;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (ConcurrencyLevel level : levels) {
            rows.add(level.toMetric());
            samples.addAll(level.samples());
            evidence.note(level.describe());
        }
        evidence.metric("concurrency", rows);
        evidence.attach("Concurrency samples", "text/csv", "csv", SamplesCsv.of(samples));
        evidence.attach("Throughput vs concurrency", "image/svg+xml", "svg",
                SvgCharts.throughput("Output tokens per second vs concurrent streams", levels));
    }

    private static PerformanceRun run(ChatClient client, Requirements requirements, Settings settings,
                                      Evidence evidence) {
        Sampling plan = SamplingOverrides.apply(requirements.sampling(), settings);
        Problems problems = new Problems();
        PerformancePrompts prompts = PerformancePrompts.load(settings, problems);
        problems.throwIfAny();
        PerformanceRun run = PerformanceRuns.forCandidate(client, evidence.candidate().id(), prompts, plan);
        evidence.note(String.format(Locale.ROOT, "plan: %d warm-up request(s) per prompt (never counted), %d samples"
                        + " one at a time, fixed output %d tokens, concurrency levels %s; every prompt starts with a unique"
                        + " prefix", plan.warmup(), plan.samples(), prompts.fixedOutput().maxTokens(plan.maxTokens()),
                plan.concurrency()));
        return run;
    }

    private static SequentialResults sequential(PerformanceRun run, Evidence evidence) {
        try {
            return run.sequential();
        } catch (RuntimeException e) {
            evidence.note("measuring failed during " + run.activity());
            throw e;
        } finally {
            run.notes().forEach(evidence::note);
        }
    }

    private static List<Double> values(List<Sample> samples, boolean ttft) {
        return samples.stream().map(s -> ttft ? s.ttftMs() : s.decodeTokensPerSecond())
                .filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble).toList();
    }

    /** p50, and the requirement's numeric thresholds, as chart markers. */
    private static Map<String, Double> markers(RequirementSpec spec, double p50) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("p50", p50);
        bound(spec.must()).ifPresent(c -> m.put("must-have", c.bound()));
        bound(spec.nice()).ifPresent(c -> m.put("nice-to-have", c.bound()));
        return m;
    }

    private static Optional<Threshold.Comparison> bound(Optional<Threshold> t) {
        return t.filter(Threshold.Comparison.class::isInstance).map(Threshold.Comparison.class::cast);
    }
}
