package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Declared;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures the score of one model is computed from, each with its source: read from a result
 * file ({@link #fromResult}) or from a candidate's {@code declared:} block ({@link #fromDeclared}).
 *
 * @param stabilityRating the declared rating ({@code production}, {@code stable}, …); empty when unknown
 * @param faults          fault counts seen in the run by kind ({@code bootFailures}, {@code serverErrors}, …)
 * @param notes           how figures were derived where that is not obvious (a midpoint, a mean)
 */
public record ModelFigures(String id, String name, Map<String, Figure> figures, Optional<String> stabilityRating,
                           Map<String, Integer> faults, List<String> notes) {

    public static final String TOOL_CALLING = "toolCallingAccuracy";
    public static final String ENTITY_F1 = "entityF1";
    public static final String KANNADA = "kannadaScore";
    public static final String VISION_ACCEPTED = "visionAccepted";
    public static final String VISION_PASS_RATE = "visionPassRate";
    public static final String DECODE = "decodeTokensPerSecond";
    public static final String TTFT = "ttftMs";
    public static final String VRAM = "vramGiB";
    /** The capacity at the SLO: the highest load (streams or requests per second) the search found within it. */
    public static final String CAPACITY = "capacity";

    public ModelFigures {
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        faults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(faults));
        notes = List.copyOf(notes);
    }

    /** The named figure; a missing one says it was not recorded. */
    public Figure figure(String key) {
        return figures.getOrDefault(key, Figure.missing(key, "not recorded"));
    }

    public int faultCount() {
        return faults.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Reads a result file (SPEC §3). A figure that the file lacks is recorded as missing with the
     * path that was looked for. The Kannada score is the mean of Kannada entity F1 and the native
     * response rate, weighted by {@code nativeShare} for the latter; if only one exists it stands alone.
     */
    public static ModelFigures fromResult(JsonNode result, String origin, double kannadaNativeShare) {
        JsonNode metrics = result.path("metrics");
        Map<String, Figure> f = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        f.put(TOOL_CALLING, read(metrics, TOOL_CALLING, "toolCallingAccuracy", "value"));
        f.put(ENTITY_F1, read(metrics, ENTITY_F1, "entityF1", "value"));
        f.put(KANNADA, kannada(metrics, kannadaNativeShare));
        JsonNode vision = metrics.path("vision");
        if (vision.has("accepted")) {
            f.put(VISION_ACCEPTED, Figure.of(VISION_ACCEPTED, vision.path("accepted").asBoolean() ? 1 : 0,
                    "metrics.vision.accepted"));
        } else if (result.path("facts").path("modalities").isArray()) {
            boolean image = false;
            for (JsonNode m : result.path("facts").path("modalities")) {
                image |= m.asText().equals("image");
            }
            f.put(VISION_ACCEPTED, image ? Figure.missing(VISION_ACCEPTED, "metrics.vision not recorded")
                    : Figure.of(VISION_ACCEPTED, 0, "facts.modalities has no image"));
        } else {
            f.put(VISION_ACCEPTED, Figure.missing(VISION_ACCEPTED, "metrics.vision.accepted not recorded"));
        }
        f.put(VISION_PASS_RATE, read(metrics, VISION_PASS_RATE, "vision", "value"));
        f.put(DECODE, read(metrics, DECODE, "decodeTokensPerSecond", "p50"));
        f.put(TTFT, read(metrics, TTFT, "ttftMs", "p50"));
        f.put(VRAM, read(metrics, VRAM, "vramGiB", "value"));
        f.put(CAPACITY, read(metrics, CAPACITY, "capacity", "capacity"));
        String rating = result.path("stability").path("rating").asText(null);
        Map<String, Integer> faults = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : result.path("faults").properties()) {
            if (e.getValue().isNumber()) {
                faults.put(e.getKey(), e.getValue().asInt());
            }
        }
        if (!result.has("faults")) {
            notes.add("no faults block in " + origin + ": no faults counted");
        }
        return new ModelFigures(result.path("id").asText(), result.path("name").asText(result.path("id").asText()),
                f, Optional.ofNullable(rating), faults, notes);
    }

    /**
     * The figures of a {@code declared:} block. A decode speed declared as a range counts with its
     * midpoint (the note says so); faults are none, since the model did not run here; a declared
     * {@code vision: true} stands for "accepts images and passes the vision cases", as no pass rate
     * can be declared.
     */
    public static ModelFigures fromDeclared(Candidate candidate) {
        Declared d = candidate.declared();
        String at = "models/" + candidate.id() + ".yaml declared.";
        Map<String, Figure> f = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        f.put(TOOL_CALLING, declared(TOOL_CALLING, d.toolCallingAccuracy(), at));
        f.put(ENTITY_F1, declared(ENTITY_F1, d.entityF1(), at));
        f.put(KANNADA, declared(KANNADA, d.kannadaScore(), at));
        if (d.vision() == null) {
            f.put(VISION_ACCEPTED, Figure.missing(VISION_ACCEPTED, at + "vision not declared"));
        } else {
            f.put(VISION_ACCEPTED, Figure.of(VISION_ACCEPTED, d.vision() ? 1 : 0, at + "vision"));
            if (d.vision()) {
                f.put(VISION_PASS_RATE, Figure.of(VISION_PASS_RATE, 1, at + "vision: true (no pass rate can be"
                        + " declared; taken as passing)"));
                notes.add("vision: true declared without a pass rate: taken as passing the vision cases");
            }
        }
        if (d.decodeTokensPerSecond() == null) {
            f.put(DECODE, Figure.missing(DECODE, at + "decodeTokensPerSecond not declared"));
        } else {
            var range = d.decodeTokensPerSecond();
            boolean isRange = range.low() != range.high();
            f.put(DECODE, isRange ? Figure.midpoint(DECODE, range.low(), range.high(), at + "decodeTokensPerSecond "
                    + range + " (midpoint)") : Figure.of(DECODE, range.low(), at + "decodeTokensPerSecond"));
            if (isRange) {
                notes.add("decode speed declared as the range " + range + " tok/s: its midpoint "
                        + Format.num(range.midpoint()) + " tok/s is used");
            }
        }
        f.put(TTFT, declared(TTFT, d.ttftMs(), at));
        f.put(VRAM, declared(VRAM, d.vramGiB(), at));
        notes.add("faults: none counted (declared figures; the model did not run here)");
        return new ModelFigures(candidate.id(), candidate.name(), f,
                Optional.ofNullable(candidate.stability().rating()), Map.of(), notes);
    }

    private static Figure declared(String key, Double value, String at) {
        return value == null ? Figure.missing(key, at + key + " not declared") : Figure.of(key, value, at + key);
    }

    private static Figure read(JsonNode metrics, String key, String metric, String field) {
        String path = "metrics." + metric + "." + field;
        JsonNode node = metrics.path(metric);
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            return Figure.missing(key, path + " not recorded");
        }
        return Figure.measured(key, value.asDouble(), path, interval(node.path("ci95")));
    }

    private static Figure kannada(JsonNode metrics, double nativeShare) {
        JsonNode k = metrics.path("kannada");
        JsonNode ner = k.path("entityF1").path("value");
        JsonNode nat = k.path("nativeResponse").path("value");
        String nerPath = "metrics.kannada.entityF1.value";
        String natPath = "metrics.kannada.nativeResponse.value";
        if (ner.isNumber() && nat.isNumber()) {
            double v = (1 - nativeShare) * ner.asDouble() + nativeShare * nat.asDouble();
            return Figure.of(KANNADA, v, Format.num(1 - nativeShare) + "·" + nerPath + " " + Format.num(ner.asDouble())
                    + " + " + Format.num(nativeShare) + "·" + natPath + " " + Format.num(nat.asDouble()));
        }
        if (ner.isNumber()) {
            return Figure.of(KANNADA, ner.asDouble(), nerPath + " (" + natPath + " not recorded)");
        }
        if (nat.isNumber()) {
            return Figure.of(KANNADA, nat.asDouble(), natPath + " (" + nerPath + " not recorded)");
        }
        return Figure.missing(KANNADA, nerPath + " and " + natPath + " not recorded");
    }

    static Interval interval(JsonNode ci) {
        if (ci.isArray() && ci.size() == 2 && ci.get(0).isNumber() && ci.get(1).isNumber()) {
            return new Interval(ci.get(0).asDouble(), ci.get(1).asDouble());
        }
        return null;
    }
}
