package dev.modelgate.report;

import dev.modelgate.catalog.MetricNames;
import dev.modelgate.verdict.ResultFile;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.verdict.CandidateVerdict;
import dev.modelgate.verdict.Format;
import dev.modelgate.verdict.PairedComparison;
import dev.modelgate.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quality sections of {@code summary.md}: each quality figure of the baseline (when it ran) and
 * of each candidate with its cases, 95 % interval and whether each threshold is decided; then each
 * candidate's case-by-case comparison with the baseline.
 */
final class QualityStatisticsTable {

    /** Quality requirements and the metric (under {@code metrics}) that keeps their figure. */
    static final Map<String, String> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("tool-calling", MetricNames.TOOL_CALLING_ACCURACY);
        METRICS.put("entities", MetricNames.ENTITY_F1);
        METRICS.put("kannada-entities", MetricNames.KANNADA + "." + MetricNames.KANNADA_ENTITY_F1);
        METRICS.put("kannada-native", MetricNames.KANNADA + "." + MetricNames.KANNADA_NATIVE_RESPONSE);
        METRICS.put("vision", MetricNames.VISION);
    }

    private QualityStatisticsTable() {
    }

    static String render(Verdict v) {
        StringBuilder md = new StringBuilder();
        List<String[]> rows = new ArrayList<>();
        v.baseline().result().ifPresent(r -> rows.addAll(rows(v.baseline().id() + " (baseline)", r)));
        for (CandidateVerdict c : v.candidates()) {
            if (c.result().isPresent() && !c.id().equals(v.baseline().id())) {
                rows.addAll(rows(c.id(), c.result().get()));
            }
        }
        if (!rows.isEmpty()) {
            md.append("\n**Quality statistics** (95 % interval over the cases; a threshold is decided when it lies"
                    + " outside the interval):\n\n");
            md.append("| model | requirement | figure | cases | 95 % interval | must-have | nice-to-have |\n");
            md.append("|---|---|---:|---:|---|---|---|\n");
            rows.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
        }
        List<String> paired = new ArrayList<>();
        for (CandidateVerdict c : v.candidates()) {
            for (PairedComparison p : c.paired()) {
                paired.add(c.id() + " — " + p.describe());
            }
        }
        if (!paired.isEmpty()) {
            md.append("\n**Case by case against the baseline** (exact McNemar test, two-sided, significant below p = ")
                    .append(Format.num(dev.modelgate.cases.McNemar.ALPHA)).append("):\n");
            paired.forEach(p -> md.append("- ").append(SummaryMarkdown.cell(p)).append('\n'));
        }
        return md.toString();
    }

    private static List<String[]> rows(String model, ResultFile result) {
        List<String[]> out = new ArrayList<>();
        METRICS.forEach((requirement, path) -> {
            JsonNode m = result.metric(path);
            if (!m.path("value").isNumber()) {
                return;
            }
            int cases = m.has("cases") ? m.path("cases").asInt() : m.has("n") ? m.path("n").asInt()
                    : m.path("total").asInt();
            String figure = Format.percent(m.path("value").asDouble());
            if (m.has("consistency")) {
                figure += " (consistency " + Format.percent(m.at("/consistency/value").asDouble()) + " over "
                        + m.path("repeats").asInt() + " runs)";
            }
            JsonNode ci = m.path("ci95");
            String interval = ci.isArray() && ci.size() == 2 ? String.format(Locale.ROOT, "%.1f–%.1f %%",
                    ci.get(0).asDouble() * 100, ci.get(1).asDouble() * 100) : "—";
            out.add(new String[] {SummaryMarkdown.cell(model), requirement, figure, String.valueOf(cases), interval,
                    decided(m.at("/thresholds/must")), decided(m.at("/thresholds/nice"))});
        });
        return out;
    }

    /** {@code "> 90 %: decided, met"}, {@code "> 90 %: undecided, +25 cases"}, or {@code —}. */
    private static String decided(JsonNode t) {
        if (t.isMissingNode()) {
            return "—";
        }
        String head = t.path("threshold").asText() + ": ";
        if (t.path("decided").asBoolean()) {
            return head + "decided, " + (t.path("met").asBoolean() ? "met" : "missed");
        }
        return head + "undecided, " + (t.path("moreCases").isNumber() ? "+" + t.path("moreCases").asLong() + " cases"
                : "no number of cases") + " would decide";
    }
}
