package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Declared;
import dev.modelgate.catalog.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

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
     * Reads a result file. A figure that the file lacks is recorded as missing with the
     * path that was looked for. The Kannada score is the mean of Kannada entity F1 and the native
     * response rate, weighted by {@code nativeShare} for the latter; if only one exists it stands alone.
     */
    public static ModelFigures fromResult(ResultFile result, String origin, double kannadaNativeShare) {
        Map<String, Figure> f = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        f.put(TOOL_CALLING, read(result, TOOL_CALLING, MetricNames.TOOL_CALLING_ACCURACY, "value"));
        f.put(ENTITY_F1, read(result, ENTITY_F1, MetricNames.ENTITY_F1, "value"));
        f.put(KANNADA, kannada(result, kannadaNativeShare));
        MetricFigure vision = result.figure(MetricNames.VISION);
        String visionPath = "metrics." + MetricNames.VISION;
        if (vision.accepted() != null) {
            f.put(VISION_ACCEPTED, Figure.of(VISION_ACCEPTED, vision.accepted() ? 1 : 0, visionPath + ".accepted"));
        } else if (result.facts().path("modalities").isArray()) {
            boolean image = false;
            for (JsonNode m : result.facts().path("modalities")) {
                image |= m.asText().equals("image");
            }
            f.put(VISION_ACCEPTED, image ? Figure.missing(VISION_ACCEPTED, visionPath + " not recorded")
                    : Figure.of(VISION_ACCEPTED, 0, "facts.modalities has no image"));
        } else {
            f.put(VISION_ACCEPTED, Figure.missing(VISION_ACCEPTED, visionPath + ".accepted not recorded"));
        }
        f.put(VISION_PASS_RATE, read(result, VISION_PASS_RATE, MetricNames.VISION, "value"));
        f.put(DECODE, read(result, DECODE, MetricNames.DECODE_TOKENS_PER_SECOND, "p50"));
        f.put(TTFT, read(result, TTFT, MetricNames.TTFT_MS, "p50"));
        f.put(VRAM, read(result, VRAM, MetricNames.VRAM_GIB, "value"));
        f.put(CAPACITY, read(result, CAPACITY, MetricNames.CAPACITY, "capacity"));
        String rating = result.stability().path("rating").asText(null);
        Map<String, Integer> faults = new LinkedHashMap<>();
        if (result.faults() == null) {
            notes.add("no faults block in " + origin + ": no faults counted");
        } else {
            faults.putAll(result.faults());
        }
        return new ModelFigures(result.id(), result.displayName(), f, Optional.ofNullable(rating), faults, notes);
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

    private static Figure read(ResultFile result, String key, String metric, String field) {
        String path = "metrics." + metric + "." + field;
        MetricFigure figure = result.figure(metric);
        OptionalDouble value = figure.number(field);
        if (value.isEmpty()) {
            return Figure.missing(key, path + " not recorded");
        }
        return Figure.measured(key, value.getAsDouble(), path, figure.interval());
    }

    private static Figure kannada(ResultFile result, double nativeShare) {
        String nerMetric = MetricNames.KANNADA + "." + MetricNames.KANNADA_ENTITY_F1;
        String natMetric = MetricNames.KANNADA + "." + MetricNames.KANNADA_NATIVE_RESPONSE;
        OptionalDouble ner = result.figure(nerMetric).number("value");
        OptionalDouble nat = result.figure(natMetric).number("value");
        String nerPath = "metrics." + nerMetric + ".value";
        String natPath = "metrics." + natMetric + ".value";
        if (ner.isPresent() && nat.isPresent()) {
            double v = (1 - nativeShare) * ner.getAsDouble() + nativeShare * nat.getAsDouble();
            return Figure.of(KANNADA, v, Format.num(1 - nativeShare) + "·" + nerPath + " " + Format.num(ner.getAsDouble())
                    + " + " + Format.num(nativeShare) + "·" + natPath + " " + Format.num(nat.getAsDouble()));
        }
        if (ner.isPresent()) {
            return Figure.of(KANNADA, ner.getAsDouble(), nerPath + " (" + natPath + " not recorded)");
        }
        if (nat.isPresent()) {
            return Figure.of(KANNADA, nat.getAsDouble(), natPath + " (" + nerPath + " not recorded)");
        }
        return Figure.missing(KANNADA, nerPath + " and " + natPath + " not recorded");
    }
}
