package dev.modelgate.verdict;

import static dev.modelgate.verdict.Format.num;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The score of SPEC §5. Sub-scores lie in [0, 1]; the relative ones (P, M) put the baseline at
 * 0.5 and "twice as good" (the relative factor) at 1.0:
 * <pre>
 * Q = mean(tool-calling accuracy, entity F1, Kannada score)
 * P = s·min(1, tps / (f·tps_base)) + (1 − s)·min(1, ttft_base / (f·ttft))      s = 0.5, f = 2
 *     with a capacity share c > 0 (default 0): (1 − c)·P + c·min(1, capacity / (f·capacity_base))
 * V = 1 if the model accepts images and passes at least half of the vision cases, else 0
 * M = min(1, vram_base / (f·vram))
 * S = rating − 0.1 · faults seen in the run, within [0, 1]
 * Total = wQ·Q + wP·P + wV·V + wM·M + wS·S
 * </pre>
 * A missing figure never silently becomes 0: a mean or a weighted pair is taken over what exists
 * (Q, P) and the missing figure is named; a sub-score with nothing to compute from is marked not
 * computed, counts 0 in the total, and says so.
 */
final class Scorer {

    private final ScoringParameters p;

    public Scorer(ScoringParameters parameters) {
        this.p = parameters;
    }

    /**
     * The score of {@code model} relative to {@code baseline} (pass the baseline twice to score it).
     * Q is taken over the quality figures the baseline has: one it lacks is left out for every model.
     */
    public Score score(ModelFigures model, ModelFigures baseline) {
        return score(model, baseline, true);
    }

    /**
     * @param sameQualityInputs whether to leave out of Q, for this model too, every quality figure the
     *                          baseline lacks (false when there is no baseline to compare with)
     */
    public Score score(ModelFigures model, ModelFigures baseline, boolean sameQualityInputs) {
        Map<String, String> leftOut = sameQualityInputs ? lacking(baseline) : Map.of();
        return Score.of(List.of(quality(model, leftOut), performance(model, baseline), vision(model),
                memory(model, baseline), stability(model)));
    }

    /** The quality inputs by their names in Q. */
    private static final Map<String, String> QUALITY = Map.of(
            "tool calling", ModelFigures.TOOL_CALLING,
            "entity F1", ModelFigures.ENTITY_F1,
            "Kannada", ModelFigures.KANNADA);

    private static final List<String> QUALITY_ORDER = List.of("tool calling", "entity F1", "Kannada");

    /** The quality inputs {@code baseline} has no figure for, with why. */
    static Map<String, String> lacking(ModelFigures baseline) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : QUALITY_ORDER) {
            Figure f = baseline.figure(QUALITY.get(name));
            if (!f.present()) {
                out.put(name, f.source());
            }
        }
        return out;
    }

    SubScore quality(ModelFigures m) {
        return quality(m, Map.of());
    }

    SubScore quality(ModelFigures m, Map<String, String> leftOut) {
        Map<String, Figure> in = new LinkedHashMap<>();
        for (String name : QUALITY_ORDER) {
            in.put(name, m.figure(QUALITY.get(name)));
        }
        List<String> terms = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        double sum = 0;
        int n = 0;
        for (var e : in.entrySet()) {
            Figure f = e.getValue();
            if (leftOut.containsKey(e.getKey())) {
                missing.add(e.getKey() + " left out for every model: the baseline has no figure ("
                        + leftOut.get(e.getKey()) + ")");
            } else if (f.present()) {
                sum += f.value();
                n++;
                terms.add(e.getKey() + " " + num(f.value()));
            } else if (p.qualityMissingAs().isPresent()) {
                double as = p.qualityMissingAs().get();
                sum += as;
                n++;
                terms.add(e.getKey() + " " + num(as) + " (missing)");
                missing.add(e.getKey() + " missing (" + f.source() + "): counted as " + num(as));
            } else {
                missing.add(e.getKey() + " missing (" + f.source() + "): left out of the mean");
            }
        }
        double w = p.weights().quality();
        if (n == 0) {
            return new SubScore("Q", "quality", w, null, "no quality figure: not computed, counts 0", in, missing);
        }
        double q = sum / n;
        return new SubScore("Q", "quality", w, q, "mean(" + String.join(", ", terms) + ") = " + num(q), in, missing);
    }

    /**
     * P: decode speed and TTFT, and, when {@code performance.capacityShare} is above 0, the capacity
     * at the SLO with that share (a capacity of 0, no level within the SLO, counts 0). Without a
     * capacity pair the share is left out and P is the decode and TTFT part alone.
     */
    SubScore performance(ModelFigures m, ModelFigures base) {
        SubScore speed = speed(m, base);
        double c = p.capacityShare();
        if (c == 0) {
            return speed;
        }
        Map<String, Figure> in = new LinkedHashMap<>(speed.inputs());
        in.put("capacity", m.figure(ModelFigures.CAPACITY));
        in.put("baseline capacity", base.figure(ModelFigures.CAPACITY));
        List<String> missing = new ArrayList<>(speed.missing());
        Term capacity = capacity(in.get("capacity"), in.get("baseline capacity"), p.performanceFactor(), missing);
        if (capacity == null) {
            missing.add("capacity share " + num(c) + " left out: P is decode and TTFT alone");
            return new SubScore("P", "performance", speed.weight(), speed.value(), speed.formula(), in, missing);
        }
        if (!speed.computed()) {
            return new SubScore("P", "performance", speed.weight(), capacity.value, capacity.text + " = "
                    + num(capacity.value) + " (capacity only; decode and TTFT are missing)", in, missing);
        }
        double v = (1 - c) * speed.value() + c * capacity.value;
        return new SubScore("P", "performance", speed.weight(), v, num(1 - c) + " × [" + speed.formula() + "] + "
                + num(c) + " × " + capacity.text + " = " + num(1 - c) + " × " + num(speed.value()) + " + " + num(c)
                + " × " + num(capacity.value) + " = " + num(v), in, missing);
    }

    /** min(1, x / (f·base)); a capacity of 0 is a figure (no level met the SLO), a baseline's of 0 is not usable. */
    private static Term capacity(Figure x, Figure base, double f, List<String> missing) {
        if (!x.present() || !base.present() || base.value() <= 0) {
            if (!x.present()) {
                missing.add("capacity missing (" + x.source() + ")");
            }
            if (!base.present()) {
                missing.add("baseline capacity missing (" + base.source() + ")");
            } else if (base.value() <= 0) {
                missing.add("baseline capacity is " + num(base.value()) + ": no level met the SLO, nothing to compare"
                        + " with (" + base.source() + ")");
            }
            return null;
        }
        return new Term(Math.min(1, x.value() / (f * base.value())), "min(1, " + num(x.value()) + " / (" + num(f)
                + " × " + num(base.value()) + "))");
    }

    private SubScore speed(ModelFigures m, ModelFigures base) {
        Map<String, Figure> in = new LinkedHashMap<>();
        in.put("decode tok/s", m.figure(ModelFigures.DECODE));
        in.put("baseline decode tok/s", base.figure(ModelFigures.DECODE));
        in.put("TTFT ms", m.figure(ModelFigures.TTFT));
        in.put("baseline TTFT ms", base.figure(ModelFigures.TTFT));
        List<String> missing = new ArrayList<>();
        double f = p.performanceFactor();
        Term decode = relative("decode", in.get("decode tok/s"), in.get("baseline decode tok/s"), f, true, missing);
        Term ttft = relative("TTFT", in.get("TTFT ms"), in.get("baseline TTFT ms"), f, false, missing);
        double w = p.weights().performance();
        double s = p.decodeShare();
        if (decode != null && ttft != null) {
            double v = s * decode.value + (1 - s) * ttft.value;
            String formula = num(s) + " × " + decode.text + " + " + num(1 - s) + " × " + ttft.text + " = "
                    + num(s) + " × " + num(decode.value) + " + " + num(1 - s) + " × " + num(ttft.value) + " = " + num(v);
            return new SubScore("P", "performance", w, v, formula, in, missing);
        }
        Term only = decode != null ? decode : ttft;
        if (only == null) {
            return new SubScore("P", "performance", w, null, "no decode or TTFT pair: not computed, counts 0", in,
                    missing);
        }
        return new SubScore("P", "performance", w, only.value, only.text + " = " + num(only.value) + " ("
                + (only == decode ? "decode" : "TTFT") + " only; the other half is missing)", in, missing);
    }

    SubScore vision(ModelFigures m) {
        Map<String, Figure> in = new LinkedHashMap<>();
        Figure accepted = m.figure(ModelFigures.VISION_ACCEPTED);
        Figure rate = m.figure(ModelFigures.VISION_PASS_RATE);
        in.put("accepts images", accepted);
        in.put("vision pass rate", rate);
        double w = p.weights().vision();
        double min = p.visionMinPassRate();
        if (!accepted.present()) {
            return new SubScore("V", "vision", w, null, "whether images are accepted is unknown: not computed,"
                    + " counts 0", in, List.of("image acceptance missing (" + accepted.source() + ")"));
        }
        if (accepted.value() < 0.5) {
            return new SubScore("V", "vision", w, 0.0, "does not accept images → 0", in, List.of());
        }
        if (!rate.present()) {
            return new SubScore("V", "vision", w, null, "accepts images, vision pass rate unknown: not computed,"
                    + " counts 0", in, List.of("vision pass rate missing (" + rate.source() + ")"));
        }
        boolean passes = rate.value() >= min - 1e-12;
        return new SubScore("V", "vision", w, passes ? 1.0 : 0.0, "accepts images, passes "
                + Format.percent(rate.value()) + (passes ? " ≥ " : " < ") + Format.percent(min)
                + " of the vision cases → " + (passes ? "1" : "0"), in, List.of());
    }

    SubScore memory(ModelFigures m, ModelFigures base) {
        Map<String, Figure> in = new LinkedHashMap<>();
        in.put("VRAM GiB", m.figure(ModelFigures.VRAM));
        in.put("baseline VRAM GiB", base.figure(ModelFigures.VRAM));
        List<String> missing = new ArrayList<>();
        Term t = relative("VRAM", in.get("VRAM GiB"), in.get("baseline VRAM GiB"), p.memoryFactor(), false, missing);
        double w = p.weights().memory();
        if (t == null) {
            return new SubScore("M", "memory", w, null, "no VRAM pair: not computed, counts 0", in, missing);
        }
        return new SubScore("M", "memory", w, t.value, t.text + " = " + num(t.value), in, missing);
    }

    SubScore stability(ModelFigures m) {
        Map<String, Figure> in = new LinkedHashMap<>();
        double w = p.weights().stability();
        int faults = m.faultCount();
        String faultText = m.faults().entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        in.put("faults", Figure.of("faults", faults, "faults" + (faultText.isEmpty() ? " (none)" : ": " + faultText)));
        if (m.stabilityRating().isEmpty()) {
            in.put("rating", Figure.missing("rating", "stability.rating not declared"));
            return new SubScore("S", "stability", w, null, "no stability rating: not computed, counts 0", in,
                    List.of("stability rating missing (stability.rating not declared)"));
        }
        String name = m.stabilityRating().get();
        var value = p.rating(name);
        if (value.isEmpty()) {
            in.put("rating", Figure.missing("rating", "stability.rating " + name));
            return new SubScore("S", "stability", w, null, "rating '" + name + "' has no value: not computed,"
                    + " counts 0", in, List.of("rating '" + name + "' has no value; set scoring.stability." + name));
        }
        in.put("rating", Figure.of("rating", value.get(), "stability.rating " + name));
        double s = Math.max(0, Math.min(1, value.get() - p.faultPenalty() * faults));
        return new SubScore("S", "stability", w, s, name + " " + num(value.get()) + " − " + num(p.faultPenalty())
                + " × " + faults + " fault" + (faults == 1 ? "" : "s") + (faultText.isEmpty() ? "" : " (" + faultText
                + ")") + " = " + num(s), in, List.of());
    }

    /**
     * min(1, x / (f·base)) when higher is better, min(1, base / (f·x)) when lower is better; null
     * (with the reason added to {@code missing}) when either figure is missing or not positive.
     */
    private static Term relative(String what, Figure x, Figure base, double f, boolean higherIsBetter,
                                 List<String> missing) {
        boolean ok = true;
        for (Figure fig : List.of(x, base)) {
            String who = fig == x ? what : "baseline " + what;
            if (!fig.present()) {
                missing.add(who + " missing (" + fig.source() + ")");
                ok = false;
            } else if (fig.value() <= 0) {
                missing.add(who + " is " + num(fig.value()) + ", not positive (" + fig.source() + ")");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        double v = higherIsBetter ? x.value() / (f * base.value()) : base.value() / (f * x.value());
        String text = higherIsBetter ? "min(1, " + num(x.value()) + " / (" + num(f) + " × " + num(base.value()) + "))"
                : "min(1, " + num(base.value()) + " / (" + num(f) + " × " + num(x.value()) + "))";
        return new Term(Math.min(1, v), text);
    }

    private record Term(double value, String text) {
    }
}
