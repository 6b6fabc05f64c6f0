package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
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
            "tool-calling", "toolCallingAccuracy",
            "entities", "entityF1",
            "kannada-entities", "kannada.entityF1",
            "vision", "vision",
            "kannada-native", "kannada.nativeResponse");

    public RequirementReview {
        mustHaveMisses = List.copyOf(mustHaveMisses);
        notEstablished = List.copyOf(notEstablished);
        niceToHaveMisses = List.copyOf(niceToHaveMisses);
        inconclusive = List.copyOf(inconclusive);
    }

    public static RequirementReview of(JsonNode result, Requirements table) {
        List<String> misses = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> niceMisses = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        JsonNode reqs = result.path("requirements");
        for (RequirementSpec spec : table.requirements().values()) {
            JsonNode entry = reqs.path(spec.id());
            String status = entry.path("status").asText("");
            String level = entry.path("level").asText("");
            String message = entry.path("message").asText("");
            if (spec.must().isPresent()) {
                if (entry.isMissingNode()) {
                    unknown.add(spec.title() + " not measured (no requirements." + spec.id() + " in the result file)");
                } else if (status.equals("failed") || status.isEmpty() && level.equals("none")) {
                    misses.add(message.contains("(must-have)") || !message.isBlank() && !entry.has("value")
                            ? firstLine(message) : missMessage(spec, entry));
                } else if (status.equals("broken") || status.equals("skipped")) {
                    unknown.add(spec.title() + " " + status + (message.isBlank() ? "" : ": " + firstLine(message)));
                } else if (!status.equals("passed")) {
                    unknown.add(spec.title() + " has no outcome (status '" + status + "')");
                }
                interval(result, spec, entry).ifPresent(ci -> {
                    Threshold.Comparison c = (Threshold.Comparison) spec.must().get();
                    if (ci.contains(c.bound())) {
                        JsonNode value = entry.path("value").isNumber() ? entry.path("value")
                                : metric(result, spec.id()).path("value");
                        inconclusive.add(spec.title() + " " + shown(spec, value) + ": its 95 % interval "
                                + shownInterval(spec, ci) + " contains the must-have " + shownBound(spec, c)
                                + toDecide(metric(result, spec.id()).path("thresholds").path("must")));
                    }
                });
            }
            boolean judged = status.equals("passed") || status.equals("failed");
            if (spec.nice().isPresent() && judged && !level.equals("nice")) {
                if (message.contains("(nice-to-have)")) {
                    niceMisses.add(message);
                } else if (level.equals("must") || level.equals("none") && spec.must().isEmpty()) {
                    niceMisses.add(spec.title() + " " + shown(spec, entry.path("value")) + " misses "
                            + spec.nice().get().describe(spec.unit()) + " (nice-to-have)");
                }
            }
        }
        return new RequirementReview(misses, unknown, niceMisses, inconclusive);
    }

    /** The interval of a requirement's figure: {@code ci95} on the entry, else on its metric. */
    private static Optional<Interval> interval(JsonNode result, RequirementSpec spec, JsonNode entry) {
        if (!(spec.must().get() instanceof Threshold.Comparison)) {
            return Optional.empty();
        }
        Interval own = ModelFigures.interval(entry.path("ci95"));
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(ModelFigures.interval(metric(result, spec.id()).path("ci95")));
    }

    /** The metric node of a requirement with an interval; a missing node for the others. */
    private static JsonNode metric(JsonNode result, String requirementId) {
        String metric = INTERVAL_METRICS.get(requirementId);
        JsonNode node = result.path("metrics");
        if (metric == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        for (String part : metric.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** {@code "; 25 more cases at the observed figure would decide it"}, from the figure's threshold entry. */
    private static String toDecide(JsonNode threshold) {
        JsonNode more = threshold.path("moreCases");
        if (more.isNumber()) {
            return "; " + more.asLong() + " more cases at the observed figure would decide it";
        }
        return threshold.has("casesToDecide") ? "; no number of cases at the observed figure would decide it" : "";
    }

    private static String missMessage(RequirementSpec spec, JsonNode entry) {
        Threshold must = spec.must().get();
        String value = shown(spec, entry.path("value"));
        if (must instanceof Threshold.Comparison c) {
            return spec.title() + " " + value + " " + c.missSymbol() + " " + shownBound(spec, c) + " (must-have)";
        }
        return spec.title() + " " + value + " is not " + must.describe(spec.unit()) + " (must-have)";
    }

    private static String shown(RequirementSpec spec, JsonNode value) {
        if (value.isNumber()) {
            return "ratio".equals(spec.unit()) ? Format.percent(value.asDouble())
                    : Format.num(value.asDouble()) + unitSuffix(spec.unit());
        }
        return value.isMissingNode() || value.isNull() ? "(no value)" : value.asText();
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
