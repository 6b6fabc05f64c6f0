package dev.modelgate.qualification;

import dev.modelgate.catalog.MetricNames;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.Evidence;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.Threshold;
import dev.modelgate.catalog.TtftChoice;
import dev.modelgate.client.ChatClient;
import dev.modelgate.measure.ConcurrencyLevel;
import dev.modelgate.measure.DecodeCeiling;
import dev.modelgate.measure.Distribution;
import dev.modelgate.measure.PerformancePrompts;
import dev.modelgate.measure.PerformanceRun;
import dev.modelgate.measure.PerformanceRuns;
import dev.modelgate.measure.Sample;
import dev.modelgate.measure.SamplesCsv;
import dev.modelgate.measure.SamplingOverrides;
import dev.modelgate.measure.SequentialResults;
import dev.modelgate.measure.SvgCharts;
import dev.modelgate.measure.server.ServerCrossCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * What the performance requirement tests record: the figures into the result file,
 * the raw samples (CSV) and a chart (SVG) into the report, notes on how they were obtained, and
 * the judgement. The measurements themselves come from the candidate's shared
 * {@link PerformanceRun}, so the server is sampled once however many tests report on it.
 */
final class PerformanceEvidence {

    private PerformanceEvidence() {
    }

    /**
     * The TTFT requirement: p50 of the figure {@code requirements.yaml} names (time to first answer
     * token by default, or time to first token) over the prompt it names (the voice turn by
     * default). Beside it: TTFT and time to first answer over the short prompt and the voice turn,
     * reasoning, TTFB, E2E, TTFT under the long prompt, the request fields sent, and the server's own
     * figures from {@code /metrics}.
     */
    public static void ttft(ChatClient client, Requirements requirements, Settings settings, Evidence evidence) {
        PerformanceRun run = run(client, requirements, settings, evidence);
        SequentialResults r = sequential(run, evidence);
        TtftChoice choice = requirements.ttft();
        evidence.metric(MetricNames.TTFT_MS, r.ttftMetric());
        evidence.metric(MetricNames.TIME_TO_FIRST_ANSWER_MS, r.answerMetric());
        evidence.metric(MetricNames.REASONING, SequentialResults.reasoningMetric(r.shortSeries()));
        evidence.metric(MetricNames.TTFB_MS, r.ttfbMetric());
        evidence.metric("e2eMs", r.e2eMetric());
        evidence.metric(MetricNames.LONG_PROMPT, r.longPromptMetric());
        evidence.metric(MetricNames.VOICE_TURN, r.voiceTurnMetric());
        evidence.metric(MetricNames.TTFT_JUDGED, r.judgedMetric(choice));
        evidence.metric(MetricNames.PERFORMANCE_REQUEST_FIELDS, run.requestFields());
        crossCheck(run, evidence);
        evidence.attach("TTFT samples", "text/csv", "csv", SamplesCsv.of(r.all()));
        requestFieldsNote(run, evidence);
        List<Sample> judgedSeries = r.series(choice.prompt());
        String figure = choice.answerToken() ? "Time to first answer token" : "TTFT";
        Distribution judged = r.judged(choice);
        if (judged.isEmpty()) {
            throw new IllegalStateException("no response to the " + choice.prompt() + " prompt carried "
                    + (choice.answerToken() ? "an answer (content or tool calls; reasoning does not count)"
                    : "any output (content, reasoning or tool calls)") + ", so there is nothing to time; see the"
                    + " attached samples" + (r.answer().isEmpty() && !r.ttft().isEmpty()
                    ? " (the model reasoned but never answered within max_tokens)" : ""));
        }
        double p50 = Distribution.round(judged.percentile(50));
        evidence.attach(figure + " distribution", "image/svg+xml", "svg", SvgCharts.distribution(
                figure + ", " + choice.prompt() + " prompt", "ms", values(judgedSeries, choice.answerToken()
                        ? Sample::answerMs : Sample::ttftMs), markers(evidence.requirement(), p50)));
        if (!figure.equals("TTFT")) {
            evidence.attach("TTFT distribution", "image/svg+xml", "svg", SvgCharts.distribution(
                    "Time to first token, " + choice.prompt() + " prompt", "ms",
                    values(judgedSeries, Sample::ttftMs), markers(evidence.requirement(), p50)));
        }
        evidence.note(String.format(Locale.ROOT, "judged: %s p50 over the %s prompt, as requirements.yaml sets it"
                + " (performance.ttftFigure %s, performance.ttftPrompt %s)", figure.toLowerCase(Locale.ROOT),
                choice.prompt(), choice.figure(), choice.prompt()));
        evidence.note(promptLine("voice turn", r.voiceTurnSeries()));
        evidence.note(promptLine("short prompt", r.shortSeries()));
        evidence.note(String.format(Locale.ROOT, "short prompt: TTFB p50 %.1f ms, E2E p50 %.1f ms; long prompt of %,d"
                        + " tokens: TTFT p50 %.1f ms", r.ttfb().percentile(50), r.e2e().percentile(50),
                r.longTextTokens(), r.longTtft().percentile(50)));
        evidence.judge(figure + " p50 (" + choice.prompt() + ")", p50);
    }

    /** One line per prompt: TTFT, time to first answer token and reasoning, each with n. */
    private static String promptLine(String name, List<Sample> series) {
        Distribution ttft = Distribution.of(values(series, Sample::ttftMs));
        Distribution answer = Distribution.of(values(series, Sample::answerMs));
        Distribution reasoning = Distribution.of(values(series, Sample::reasoningMs));
        String line = String.format(Locale.ROOT, "%s: TTFT p50 %.1f ms, p99 %.1f ms (n=%d); time to first answer"
                        + " token p50 %.1f ms, p99 %.1f ms (n=%d)", name, ttft.percentile(50), ttft.percentile(99),
                ttft.count(), answer.percentile(50), answer.percentile(99), answer.count());
        if (reasoning.isEmpty()) {
            return line + "; no reasoning streamed";
        }
        List<Integer> tokens = series.stream().map(Sample::reasoningTokens).filter(java.util.OptionalInt::isPresent)
                .map(java.util.OptionalInt::getAsInt).toList();
        return line + String.format(Locale.ROOT, "; reasoning in %d of %d responses, p50 %.1f ms%s", reasoning.count(),
                series.size(), reasoning.percentile(50), tokens.isEmpty() ? " (the server does not count its tokens)"
                        : String.format(Locale.ROOT, " and %.0f tokens", Distribution.of(tokens).percentile(50)));
    }

    private static void requestFieldsNote(PerformanceRun run, Evidence evidence) {
        ObjectNode fields = run.requestFields();
        evidence.note(fields.isEmpty() ? "request fields: none set for performance runs (the server's and the chat"
                + " template's defaults, reasoning included)" : "request fields of every performance request, from the"
                + " candidate's requestFields.performance: " + fields);
    }

    private static void crossCheck(PerformanceRun run, Evidence evidence) {
        Optional<ServerCrossCheck> check = run.crossCheck();
        if (check.isPresent()) {
            evidence.metric(MetricNames.SERVER_CROSS_CHECK, check.get().toMetric());
            evidence.note(check.get().describe());
        } else {
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("available", false);
            none.put("reason", run.noCrossCheck());
            evidence.metric(MetricNames.SERVER_CROSS_CHECK, none);
            evidence.note("no cross-check with the server's own figures: " + run.noCrossCheck());
        }
    }

    /**
     * The decode requirement: p50 of per-request decode speed over the fixed-output prompt; also
     * ITL, usage, whether the figure is exact or an estimate, the tokens per event, and the ceiling
     * the machine's memory bandwidth puts on it.
     */
    public static void decode(ChatClient client, Requirements requirements, Settings settings, Evidence evidence) {
        PerformanceRun run = run(client, requirements, settings, evidence);
        SequentialResults r = sequential(run, evidence);
        evidence.metric(MetricNames.DECODE_TOKENS_PER_SECOND, r.decodeMetric());
        evidence.metric(MetricNames.ITL_MS, r.itlMetric());
        evidence.metric(MetricNames.USAGE, r.usageMetric());
        evidence.metric(MetricNames.DECODE_METHOD, r.decodeMethodMetric());
        evidence.metric(MetricNames.PERFORMANCE_REQUEST_FIELDS, run.requestFields());
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
                "Decode speed per request, fixed output", "tok/s", values(r.fixedOutputSeries(),
                        Sample::decodeTokensPerSecond), markers(evidence.requirement(), p50)));
        evidence.note(String.format(Locale.ROOT, "decode p50 %.1f tok/s, p90 %.1f tok/s over n=%d requests of %d tokens"
                        + " (%s); ITL p50 %.1f ms, p99 %.1f ms; %.2f tokens per event", p50, decode.percentile(90),
                decode.count(), r.fixedOutputSeries().isEmpty() ? 0
                        : r.fixedOutputSeries().get(0).completionTokens().orElse(0),
                r.outputControls() ? "ignore_eos and min_tokens sent" : "without ignore_eos/min_tokens",
                r.itl().percentile(50), r.itl().percentile(99), r.tokensPerEvent().orElse(Double.NaN)));
        evidence.note(decodeMethodNote(r));
        requestFieldsNote(run, evidence);
        DecodeCeiling.Result ceiling = DecodeCeiling.of(requirements.machine(), evidence.candidate().facts());
        if (ceiling.ceiling().isPresent()) {
            evidence.metric(MetricNames.DECODE_CEILING, ceiling.ceiling().get().toMetric(p50));
            evidence.note(ceiling.ceiling().get().describe(p50));
        } else {
            evidence.metric(MetricNames.DECODE_CEILING, Map.of("available", false, "reason", ceiling.missing()));
            evidence.note("no decode ceiling: " + ceiling.missing());
        }
        run.crossCheck().filter(ServerCrossCheck::flagged).ifPresent(c ->
                evidence.note("FLAGGED: the server's token counts disagree with the client's: "
                        + String.join("; ", c.flags())));
        evidence.judge("Decode p50", p50);
    }

    private static String decodeMethodNote(SequentialResults r) {
        Map<String, Long> perEvent = r.tokensPerEventDistribution();
        if (r.decodeExact()) {
            return "decode is exact: every event carried the cumulative token count (continuous usage), so the"
                    + " tokens of the first event are taken out exactly; tokens per event: " + perEvent;
        }
        if (r.decodeEstimated()) {
            return String.format(Locale.ROOT, "decode is an ESTIMATE: the server sent no per-event token counts and its"
                    + " events held %.2f tokens on average, so the first event is taken as one token; if it held k,"
                    + " the figure reads high by (k − 1) / (completion_tokens − 1)", r.tokensPerEvent().orElse(Double.NaN));
        }
        return "decode takes the first event as one token: the server sent no per-event token counts, and every event"
                + " held one token";
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
        evidence.metric(MetricNames.CONCURRENCY, rows);
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
        PerformanceRun run = PerformanceRuns.forCandidate(client, evidence.candidate().id(),
                evidence.candidate().requestFields().performance(), prompts, plan);
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

    private static List<Double> values(List<Sample> samples, Function<Sample, OptionalDouble> figure) {
        return samples.stream().map(figure).filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble).toList();
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
