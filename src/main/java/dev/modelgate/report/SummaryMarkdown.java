package dev.modelgate.report;

import dev.modelgate.catalog.Weights;
import dev.modelgate.verdict.CandidateVerdict;
import dev.modelgate.verdict.Format;
import dev.modelgate.verdict.Outcome;
import dev.modelgate.verdict.Score;
import dev.modelgate.verdict.SubScore;
import dev.modelgate.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code summary.md}: the score table of the run as Markdown, for a pull request. One row for the
 * baseline and one per candidate; each sub-score, the total, the ratio to the baseline, the
 * decision and why; below it, where the baseline's figures come from and what was missing.
 */
public final class SummaryMarkdown {

    private static final List<String> KEYS = List.of("Q", "P", "V", "M", "S");

    private SummaryMarkdown() {
    }

    public static String render(Verdict v) {
        StringBuilder md = new StringBuilder();
        md.append("## Swap verdict vs ").append(v.baselineName()).append(" (`").append(v.baseline().id())
                .append("`)\n\n");
        md.append("Swap when every must-have passes and the total is at least ")
                .append(Format.fixed(1 + v.parameters().swapThreshold(), 4)).append(" × the baseline's (")
                .append(Format.gain(v.parameters().swapThreshold())).append("). Gate: `")
                .append(v.gate().id()).append("`.\n\n");
        Weights w = v.parameters().weights();
        md.append("| model | Q quality ").append(pct(w.quality())).append(" | P performance ").append(pct(w.performance()))
                .append(" | V vision ").append(pct(w.vision())).append(" | M memory ").append(pct(w.memory()))
                .append(" | S stability ").append(pct(w.stability()))
                .append(" | total | vs baseline | decision | why |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        md.append("| ").append(cell(v.baselineName())).append(" (baseline, ").append(v.baseline().provenance().label())
                .append(") | ");
        if (v.baselineScore().isPresent()) {
            md.append(scores(v.baselineScore().get())).append(" | 1.00× | — | the reference |\n");
        } else {
            md.append("— | — | — | — | — | — | — | — | no figures |\n");
        }
        for (CandidateVerdict c : v.candidates()) {
            if (c.outcome() == Outcome.BASELINE) {
                continue;
            }
            md.append("| ").append(cell(c.name().equals(c.id()) ? c.id() : c.name() + " (`" + c.id() + "`)")).append(" | ");
            md.append(c.score().map(SummaryMarkdown::scores).orElse("— | — | — | — | — | —")).append(" | ");
            md.append(c.ratio().map(r -> two(r) + "× (" + Format.gain(r - 1) + ")").orElse("—"))
                    .append(" | ").append(decision(c)).append(" | ").append(cell(c.decision().reason())).append(" |\n");
        }
        md.append("\n**Baseline figures:** ").append(v.baseline().provenance().label()).append(" — ")
                .append(cell(v.baseline().source())).append('\n');
        for (String note : v.baseline().notes()) {
            md.append("- ").append(note).append('\n');
        }
        List<String> missing = new ArrayList<>();
        v.baselineScore().ifPresent(s -> s.missing().forEach(m -> missing.add(v.baseline().id() + " " + m)));
        for (CandidateVerdict c : v.candidates()) {
            c.score().ifPresent(s -> s.missing().forEach(m -> missing.add(c.id() + " " + m)));
        }
        if (!missing.isEmpty()) {
            md.append("\n**Missing figures** (a sub-score without inputs counts 0 and is marked *):\n");
            missing.forEach(m -> md.append("- ").append(m).append('\n'));
        }
        md.append(QualityStatisticsTable.render(v));
        md.append(CapacitySummary.render(v));
        List<String> nice = new ArrayList<>();
        for (CandidateVerdict c : v.candidates()) {
            c.decision().review().niceToHaveMisses().forEach(m -> nice.add(c.id() + ": " + m));
        }
        if (!nice.isEmpty()) {
            md.append("\n**Nice-to-have misses** (shown, never failing):\n");
            nice.forEach(m -> md.append("- ").append(m).append('\n'));
        }
        md.append("\nQ = mean(tool calling, entity F1, Kannada), over the figures the baseline has; P = ")
                .append(Format.num(v.parameters().decodeShare())).append("·min(1, tps / (")
                .append(Format.num(v.parameters().performanceFactor())).append("·tps_base)) + ")
                .append(Format.num(1 - v.parameters().decodeShare())).append("·min(1, ttft_base / (")
                .append(Format.num(v.parameters().performanceFactor())).append("·ttft)); V = 1 if images are accepted and ≥ ")
                .append(Format.percent(v.parameters().visionMinPassRate())).append(" of vision cases pass; M = min(1, vram_base / (")
                .append(Format.num(v.parameters().memoryFactor())).append("·vram)); S = rating − ")
                .append(Format.num(v.parameters().faultPenalty()))
                .append(" per fault. Inputs and formulas per sub-score: `verdict.json`.\n");
        return md.toString();
    }

    private static String scores(Score s) {
        List<String> cells = new ArrayList<>();
        for (String k : KEYS) {
            SubScore p = s.part(k);
            cells.add(p.computed() ? two(p.value()) : "0*");
        }
        cells.add("**" + Format.score(s.total()) + "**");
        return String.join(" | ", cells);
    }

    private static String decision(CandidateVerdict c) {
        String mark = switch (c.outcome()) {
            case SWAP -> "✅ swap";
            case NO_SWAP -> "❌ no swap";
            case DISQUALIFIED -> "⛔ disqualified";
            case NOT_ESTABLISHED -> "❔ not established";
            case BASELINE -> "baseline";
        };
        return c.decision().isInconclusive() ? mark + " (inconclusive)" : mark;
    }

    private static String two(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static String pct(double weight) {
        return Format.fixed(weight * 100, 1) + " %";
    }

    /** A table cell: no pipes, no line breaks. */
    static String cell(String s) {
        return Optional.ofNullable(s).orElse("").replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }
}
