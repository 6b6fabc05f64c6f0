package dev.modelgate.report;

import dev.modelgate.catalog.MetricNames;
import dev.modelgate.verdict.ResultFile;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Threshold;
import dev.modelgate.verdict.CandidateVerdict;
import dev.modelgate.verdict.Figure;
import dev.modelgate.verdict.Format;
import dev.modelgate.verdict.ModelFigures;
import dev.modelgate.verdict.Outcome;
import dev.modelgate.verdict.Score;
import dev.modelgate.verdict.SubScore;
import dev.modelgate.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The charts of the verdict, as SVG: total scores (weighted sub-scores stacked) of every candidate
 * beside the baseline with the swap line, and TTFT and decode-speed comparisons with the
 * requirement thresholds.
 */
final class VerdictCharts {

    private static final Map<String, String> COLORS = Map.of("Q", "#4e79a7", "P", "#f28e2b", "V", "#59a14f",
            "M", "#b07aa1", "S", "#9c755f");
    private static final String BAR = "#4e79a7";
    private static final String BASE_BAR = "#a0a0a0";

    private VerdictCharts() {
    }

    /** Weighted sub-scores stacked per model; dashed lines at the baseline total and the swap bar. */
    public static SvgBarChart scores(Verdict v) {
        SvgBarChart chart = new SvgBarChart("Score vs baseline " + v.baseline().id(), "total score (weighted sub-scores)");
        v.baselineScore().ifPresentOrElse(
                s -> chart.row(new SvgBarChart.Row(v.baseline().id() + " (baseline)", segments(s), null, null,
                        Format.score(s.total()) + " (" + v.baseline().provenance().label() + ")")),
                () -> chart.row(new SvgBarChart.Row(v.baseline().id() + " (baseline)", List.of(), null, null,
                        "no figures")));
        for (CandidateVerdict c : candidates(v)) {
            String note = c.score().map(s -> Format.score(s.total())
                    + c.ratio().map(r -> " (" + Format.gain(r - 1) + ")").orElse("")).orElse("no result")
                    + " — " + c.outcome().label();
            chart.row(new SvgBarChart.Row(c.id(), c.score().map(VerdictCharts::segments).orElse(List.of()), null, null,
                    note));
        }
        v.baselineScore().ifPresent(s -> {
            chart.line(new SvgBarChart.Line(s.total(), "baseline " + Format.score(s.total()), "#555555"));
            double bar = (1 + v.parameters().swapThreshold()) * s.total();
            chart.line(new SvgBarChart.Line(bar, "swap ≥ " + Format.score(bar), "#c0392b"));
        });
        return chart;
    }

    /** TTFT p50 per model (whisker p50–p99 where measured), with the requirement's thresholds. */
    public static SvgBarChart ttft(Verdict v, Optional<RequirementSpec> spec) {
        return latency(v, "Time to first token (p50; whisker to p99)", "ms, lower is better", ModelFigures.TTFT,
                MetricNames.TTFT_MS, "p99", spec);
    }

    /** Decode speed p50 per model (whisker p50–p90, or the declared range), with the requirement's thresholds. */
    public static SvgBarChart decode(Verdict v, Optional<RequirementSpec> spec) {
        return latency(v, "Decode speed (p50; whisker to p90 or the declared range)", "tok/s, higher is better",
                ModelFigures.DECODE, MetricNames.DECODE_TOKENS_PER_SECOND, "p90", spec);
    }

    private static SvgBarChart latency(Verdict v, String title, String axis, String figure, String metric,
                                       String upper, Optional<RequirementSpec> spec) {
        SvgBarChart chart = new SvgBarChart(title, axis);
        Optional<ModelFigures> base = v.baseline().figures();
        chart.row(row(v.baseline().id() + " (baseline)", base.map(b -> b.figure(figure)),
                v.baseline().result(), metric, upper, BASE_BAR, v.baseline().provenance().label()));
        for (CandidateVerdict c : candidates(v)) {
            chart.row(row(c.id(), c.figures().map(f -> f.figure(figure)), c.result(), metric, upper, BAR, null));
        }
        spec.ifPresent(s -> {
            s.must().filter(Threshold.Comparison.class::isInstance).map(Threshold.Comparison.class::cast)
                    .ifPresent(t -> chart.line(new SvgBarChart.Line(t.bound(), "must " + t.describe(s.unit()), "#c0392b")));
            s.nice().filter(Threshold.Comparison.class::isInstance).map(Threshold.Comparison.class::cast)
                    .ifPresent(t -> chart.line(new SvgBarChart.Line(t.bound(), "nice " + t.describe(s.unit()), "#27ae60")));
        });
        return chart;
    }

    private static SvgBarChart.Row row(String label, Optional<Figure> figure, Optional<ResultFile> result, String metric,
                                       String upper, String color, String origin) {
        if (figure.isEmpty() || !figure.get().present()) {
            return new SvgBarChart.Row(label, List.of(), null, null, "not measured");
        }
        Figure f = figure.get();
        Double lo = null;
        Double hi = null;
        java.util.OptionalDouble up = result.map(r -> r.figure(metric).number(upper))
                .orElse(java.util.OptionalDouble.empty());
        if (up.isPresent()) {
            lo = Math.min(f.value(), up.getAsDouble());
            hi = Math.max(f.value(), up.getAsDouble());
        } else if (f.range().isPresent()) {
            lo = f.range().get().low();
            hi = f.range().get().high();
        }
        String note = Format.num(f.value()) + (origin == null ? "" : " (" + origin + ")");
        return new SvgBarChart.Row(label, List.of(new SvgBarChart.Segment("p50", f.value(), color)), lo, hi, note);
    }

    private static List<SvgBarChart.Segment> segments(Score s) {
        List<SvgBarChart.Segment> out = new ArrayList<>();
        for (SubScore p : s.parts()) {
            out.add(new SvgBarChart.Segment(p.key() + " " + p.title(), p.contribution(), COLORS.getOrDefault(p.key(), BAR)));
        }
        return out;
    }

    private static List<CandidateVerdict> candidates(Verdict v) {
        return v.candidates().stream().filter(c -> c.outcome() != Outcome.BASELINE).toList();
    }
}
