package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.modelgate.catalog.MetricNames;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a result file says about the requirement table: which must-haves were missed, which could
 * not be established (broken, skipped, never measured), which nice-to-haves were missed, and which
 * must-have decisions are inconclusive because the figure's 95 % interval contains the threshold.
 */
public record RequirementReview(List<String> mustHaveMisses, List<String> notEstablished,
                                List<String> niceToHaveMisses, List<String> inconclusive) {

    /** Requirements whose figure has an interval, and where the result file keeps it. */
    static final Map<String, String> INTERVAL_METRICS = Map.of(
            "tool-calling", MetricNames.TOOL_CALLING_ACCURACY,
            "entities", MetricNames.ENTITY_F1,
            "kannada-entities", MetricNames.KANNADA + "." + MetricNames.KANNADA_ENTITY_F1,
            "vision", MetricNames.VISION,
            "kannada-native", MetricNames.KANNADA + "." + MetricNames.KANNADA_NATIVE_RESPONSE);

    public RequirementReview {
        mustHaveMisses = List.copyOf(mustHaveMisses);
        notEstablished = List.copyOf(notEstablished);
        niceToHaveMisses = List.copyOf(niceToHaveMisses);
        inconclusive = List.copyOf(inconclusive);
    }

    public static RequirementReview of(ResultFile result, Requirements table) {
        List<String> misses = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> niceMisses = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        for (RequirementSpec spec : table.requirements().values()) {
            Optional<RequirementOutcome> found = result.requirement(spec.id());
            RequirementOutcome entry = found.orElse(RequirementOutcome.reason(null));
            Status status = entry.status();
            Level level = entry.level();
            String message = entry.messageOrEmpty();
            if (spec.must().isPresent()) {
                if (found.isEmpty()) {
                    unknown.add(spec.title() + " not measured (no requirements." + spec.id() + " in the result file)");
                } else if (status == Status.FAILED || status == null && level == Level.NONE) {
                    misses.add(message.contains("(must-have)") || !message.isBlank() && entry.value() == null
                            ? firstLine(message) : missMessage(spec, entry.value()));
                } else if (status == Status.BROKEN || status == Status.SKIPPED) {
                    unknown.add(spec.title() + " " + status.json() + (message.isBlank() ? "" : ": " + firstLine(message)));
                } else if (status != Status.PASSED) {
                    unknown.add(spec.title() + " has no outcome (status '')");
                }
                interval(result, spec, entry).ifPresent(ci -> {
                    Threshold.Comparison c = (Threshold.Comparison) spec.must().get();
                    if (ci.contains(c.bound())) {
                        MetricFigure metric = metric(result, spec.id());
                        Object value = entry.value() instanceof Number ? entry.value() : metric.value();
                        inconclusive.add(spec.title() + " " + shown(spec, value) + ": its 95 % interval "
                                + shownInterval(spec, ci) + " contains the must-have " + shownBound(spec, c)
                                + toDecide(metricNode(result, spec.id()).path("thresholds").path("must")));
                    }
                });
            }
            if (spec.nice().isPresent() && entry.decisive() && level != Level.NICE) {
                if (message.contains("(nice-to-have)")) {
                    niceMisses.add(message);
                } else if (level == Level.MUST || level == Level.NONE && spec.must().isEmpty()) {
                    niceMisses.add(spec.title() + " " + shown(spec, entry.value()) + " misses "
                            + spec.nice().get().describe(spec.unit()) + " (nice-to-have)");
                }
            }
        }
        return new RequirementReview(misses, unknown, niceMisses, inconclusive);
    }

    /** The interval of a requirement's figure: {@code ci95} on the entry, else on its metric. */
    private static Optional<Interval> interval(ResultFile result, RequirementSpec spec, RequirementOutcome entry) {
        if (!(spec.must().get() instanceof Threshold.Comparison)) {
            return Optional.empty();
        }
        Interval own = MetricFigure.interval(entry.ci95());
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(metric(result, spec.id()).interval());
    }

    /** The figure of a requirement with an interval; no fields for the others. */
    private static MetricFigure metric(ResultFile result, String requirementId) {
        String metric = INTERVAL_METRICS.get(requirementId);
        return metric == null ? MetricFigure.NONE : result.figure(metric);
    }

    private static JsonNode metricNode(ResultFile result, String requirementId) {
        String metric = INTERVAL_METRICS.get(requirementId);
        return metric == null ? MissingNode.getInstance() : result.metric(metric);
    }

    /** {@code "; 25 more cases at the observed figure would decide it"}, from the figure's threshold entry. */
    private static String toDecide(JsonNode threshold) {
        JsonNode more = threshold.path("moreCases");
        if (more.isNumber()) {
            return "; " + more.asLong() + " more cases at the observed figure would decide it";
        }
        return threshold.has("casesToDecide") ? "; no number of cases at the observed figure would decide it" : "";
    }

    private static String missMessage(RequirementSpec spec, Object judged) {
        Threshold must = spec.must().get();
        String value = shown(spec, judged);
        if (must instanceof Threshold.Comparison c) {
            return spec.title() + " " + value + " " + c.missSymbol() + " " + shownBound(spec, c) + " (must-have)";
        }
        return spec.title() + " " + value + " is not " + must.describe(spec.unit()) + " (must-have)";
    }

    private static String shown(RequirementSpec spec, Object value) {
        if (value instanceof Number n) {
            return "ratio".equals(spec.unit()) ? Format.percent(n.doubleValue())
                    : Format.num(n.doubleValue()) + unitSuffix(spec.unit());
        }
        return value == null ? "(no value)" : String.valueOf(value);
    }

    private static String shownBound(RequirementSpec spec, Threshold.Comparison c) {
        return "ratio".equals(spec.unit()) ? Format.percent(c.bound()) : Format.num(c.bound()) + unitSuffix(spec.unit());
    }

    private static String shownInterval(RequirementSpec spec, Interval ci) {
        return "ratio".equals(spec.unit()) ? Format.fixed(ci.low() * 100, 1) + "–" + Format.percent(ci.high())
                : ci + unitSuffix(spec.unit());
    }

    private static String unitSuffix(String unit) {
        return unit == null || unit.isBlank() || unit.equals("flag") ? "" : " " + unit;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
