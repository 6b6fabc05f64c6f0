package dev.modelgate.qualification;

import dev.modelgate.Evidence;
import dev.modelgate.cases.CaseInfo;
import dev.modelgate.cases.CaseOutcome;
import dev.modelgate.cases.CasesNeeded;
import dev.modelgate.cases.EntityScore;
import dev.modelgate.cases.Proportion;
import dev.modelgate.cases.SuiteOutcome;
import dev.modelgate.cases.ThresholdDecision;
import dev.modelgate.catalog.Numbers;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The statistics a quality figure is reported with: its 95 % interval over the cases, whether each
 * threshold is decided and, when not, how many more cases would decide it; the consistency over
 * repeated runs; the figure per category and per tag. Each goes into the figure's entry in the
 * result file and, in a line, into the report.
 */
final class SuiteStatistics {

    private SuiteStatistics() {
    }

    /**
     * {@code value, passed, total, ci95} (+ {@code cases, repeats, consistency} with repeats,
     * {@code errors}, {@code thresholds}, {@code inconclusive}, {@code byCategory}, {@code byTag}).
     */
    static Map<String, Object> accuracy(SuiteOutcome outcome, List<CaseInfo> cases, Evidence evidence) {
        Proportion p = outcome.accuracy();
        Proportion.Interval ci = outcome.interval();
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("value", p.value());
        metric.put("passed", p.passed());
        metric.put("total", p.total());
        metric.put("ci95", ci.rounded());
        int errors = outcome.count(CaseOutcome.Status.ERROR);
        if (errors > 0) {
            metric.put("errors", errors);
            evidence.note(errors + " of " + p.total() + " cases got no answer and count as failed; first: "
                    + outcome.firstError().map(Throwable::getMessage).orElse(""));
        }
        if (outcome.repeats() > 1) {
            Proportion consistent = outcome.consistency();
            metric.put("cases", outcome.cases());
            metric.put("repeats", outcome.repeats());
            metric.put("consistency", share(consistent));
            evidence.note(String.format(Locale.ROOT, "%d cases × %d runs: %d of %d runs passed (accuracy %.1f %%),"
                            + " 95 %% Wilson interval over the %d cases [%.3f, %.3f]; consistency (passed every run)"
                            + " %d of %d (%.1f %%)", outcome.cases(), outcome.repeats(), p.passed(), p.total(),
                    p.value() * 100, outcome.cases(), ci.low(), ci.high(), consistent.passed(), consistent.total(),
                    consistent.value() * 100));
        } else {
            evidence.note(String.format(Locale.ROOT, "%d of %d cases passed (%.1f %%), 95 %% Wilson interval"
                    + " [%.3f, %.3f]", p.passed(), p.total(), p.value() * 100, ci.low(), ci.high()));
        }
        thresholds(evidence, p.value(), ci, outcome.cases(), CasesNeeded.wilson(), metric);
        breakdown(outcome, cases, metric, evidence);
        return metric;
    }

    /** {@code value, passed, total, ci95} of a share of cases. */
    static Map<String, Object> share(Proportion p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", p.value());
        m.put("passed", p.passed());
        m.put("total", p.total());
        m.put("ci95", p.wilson95().rounded());
        return m;
    }

    /**
     * Adds {@code thresholds.must/nice} (decided, cases to decide) and {@code inconclusive} (the
     * undecided sides) to {@code metric}, and notes each.
     */
    static void thresholds(Evidence evidence, double value, Proportion.Interval ci, int cases, CasesNeeded needed,
                           Map<String, Object> metric) {
        List<ThresholdDecision> decisions = decisions(evidence.requirement(), value, ci, cases, needed);
        if (decisions.isEmpty()) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        List<String> inconclusive = new ArrayList<>();
        for (ThresholdDecision d : decisions) {
            entry.put(d.side(), d.toMap());
            evidence.note(d.describe());
            if (!d.decided()) {
                inconclusive.add(d.side());
            }
        }
        metric.put("thresholds", entry);
        if (!inconclusive.isEmpty()) {
            metric.put("inconclusive", inconclusive);
        }
    }

    /** The decision of each numeric side of {@code spec} (none for a missing spec or side). */
    static List<ThresholdDecision> decisions(RequirementSpec spec, double value, Proportion.Interval ci, int cases,
                                             CasesNeeded needed) {
        List<ThresholdDecision> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        comparison(spec.must()).ifPresent(c ->
                out.add(ThresholdDecision.of("must", shown(c, spec.unit()), c, value, ci, cases, needed)));
        comparison(spec.nice()).ifPresent(c ->
                out.add(ThresholdDecision.of("nice", shown(c, spec.unit()), c, value, ci, cases, needed)));
        return out;
    }

    private static Optional<Threshold.Comparison> comparison(Optional<Threshold> t) {
        return t.filter(Threshold.Comparison.class::isInstance).map(Threshold.Comparison.class::cast);
    }

    private static String shown(Threshold.Comparison c, String unit) {
        return "ratio".equals(unit) ? c.op().symbol() + " " + Numbers.percent(c.bound()) : c.describe(unit);
    }

    /** {@code byCategory} (when cases have one) and {@code byTag}: the accuracy of each group of cases. */
    private static void breakdown(SuiteOutcome outcome, List<CaseInfo> cases, Map<String, Object> metric,
                                  Evidence evidence) {
        Map<String, List<CaseOutcome>> runs = outcome.byCase();
        Map<String, Object> byCategory = groups(cases, c -> c.category() == null ? List.of() : List.of(c.category()),
                runs);
        Map<String, Object> byTag = groups(cases, CaseInfo::tags, runs);
        if (!byCategory.isEmpty()) {
            metric.put("byCategory", byCategory);
            evidence.note("by category: " + line(byCategory));
        }
        if (!byTag.isEmpty()) {
            metric.put("byTag", byTag);
            evidence.note("by tag: " + line(byTag));
        }
    }

    private static Map<String, Object> groups(List<CaseInfo> cases, Function<CaseInfo, List<String>> keys,
                                              Map<String, List<CaseOutcome>> runs) {
        Map<String, List<CaseOutcome>> grouped = new TreeMap<>();
        Map<String, Integer> caseCounts = new TreeMap<>();
        for (CaseInfo c : cases) {
            for (String key : keys.apply(c)) {
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).addAll(runs.getOrDefault(c.id(), List.of()));
                caseCounts.merge(key, 1, Integer::sum);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        grouped.forEach((key, list) -> {
            Proportion p = new Proportion((int) list.stream().filter(CaseOutcome::passed).count(), list.size());
            int n = caseCounts.get(key);
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("value", p.value());
            g.put("passed", p.passed());
            g.put("total", p.total());
            g.put("cases", n);
            g.put("ci95", Proportion.wilson(p.value(), n, Proportion.Z95).rounded());
            out.put(key, g);
        });
        return out;
    }

    /** {@code simple 9/10 (90.0 %), parallel 4/5 (80.0 %)}. */
    @SuppressWarnings("unchecked")
    private static String line(Map<String, Object> groups) {
        List<String> parts = new ArrayList<>();
        groups.forEach((key, value) -> {
            Map<String, Object> g = (Map<String, Object>) value;
            parts.add(String.format(Locale.ROOT, "%s %d/%d (%.1f %%)", key, (Integer) g.get("passed"),
                    (Integer) g.get("total"), (Double) g.get("value") * 100));
        });
        return String.join(", ", parts);
    }

    /**
     * Entity F1 per tag: the pooled counts of the tagged texts ({@code value, precision, recall, cases}).
     */
    static Map<String, Object> f1ByTag(List<CaseInfo> cases, Map<String, EntityScore> scores) {
        Map<String, EntityScore> pooled = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (CaseInfo c : cases) {
            EntityScore s = scores.getOrDefault(c.id(), EntityScore.ZERO);
            for (String tag : c.tags()) {
                pooled.merge(tag, s, EntityScore::plus);
                counts.merge(tag, 1, Integer::sum);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        pooled.forEach((tag, s) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("value", s.f1());
            g.put("precision", s.precision());
            g.put("recall", s.recall());
            g.put("cases", counts.get(tag));
            out.put(tag, g);
        });
        return out;
    }
}
