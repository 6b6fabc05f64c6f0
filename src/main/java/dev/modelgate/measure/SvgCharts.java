package dev.modelgate.measure;

import dev.modelgate.catalog.Numbers;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small self-contained SVG charts for the report: the distribution of one figure (a histogram
 * with every sample as a tick, and markers such as p50 and the thresholds), output tokens per
 * second against concurrency, and the levels of a capacity search against its SLO.
 */
public final class SvgCharts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 56;
    private static final int TOP = 34;
    private static final int BOTTOM = 46;
    private static final String[] MARKER_COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private SvgCharts() {
    }

    /**
     * A histogram of {@code values} with each value as a tick below it.
     *
     * @param markers labelled vertical lines, e.g. {@code "p50" → 250.3}, {@code "must < 300" → 300}
     */
    public static String distribution(String title, String unit, List<Double> values, Map<String, Double> markers) {
        StringBuilder svg = open(title + " (n=" + values.size() + ")");
        if (values.isEmpty()) {
            text(svg, WIDTH / 2.0, HEIGHT / 2.0, "middle", "no samples");
            return close(svg);
        }
        double lo = values.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
        double hi = values.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
        for (double m : markers.values()) {
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        double pad = Math.max((hi - lo) * 0.05, Math.max(Math.abs(hi) * 0.01, 1e-6));
        lo = Math.max(0, lo - pad);
        hi = hi + pad;
        int bins = Math.max(5, Math.min(30, (int) Math.ceil(Math.sqrt(values.size())) * 2));
        int[] counts = new int[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
        }
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM - 14;
        double binW = plotW / bins;
        for (int i = 0; i < bins; i++) {
            double h = plotH * counts[i] / max;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#9ecae1\" stroke=\"#6baed6\"/>%n",
                    LEFT + i * binW, TOP + plotH - h, Math.max(0.5, binW - 1), h));
        }
        double tickY = TOP + plotH + 4;
        for (double v : values) {
            double x = x(v, lo, hi);
            svg.append(String.format(Locale.ROOT, "<line class=\"sample\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#08519c\" stroke-opacity=\"0.6\"/>%n", x, tickY, x, tickY + 10));
        }
        axis(svg, lo, hi, unit, TOP + plotH + 14);
        text(svg, 14, TOP + plotH / 2, "middle", "requests", -90);
        int i = 0;
        for (Map.Entry<String, Double> m : markers.entrySet()) {
            String colour = MARKER_COLOURS[i % MARKER_COLOURS.length];
            double x = x(m.getValue(), lo, hi);
            svg.append(String.format(Locale.ROOT, "<line class=\"marker\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"%s\" stroke-dasharray=\"4 3\"/>%n", x, TOP, x, TOP + plotH + 14, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\""
                    + " text-anchor=\"%s\">%s</text>%n", x + 3, TOP + 10 + 12 * i, colour,
                    x > WIDTH - RIGHT - 120 ? "end" : "start", escape(m.getKey() + " " + format(m.getValue()) + " " + unit)));
            i++;
        }
        return close(svg);
    }

    /** Output tokens per second against concurrency: aggregate (bars, left axis) and per request (line, right axis). */
    public static String throughput(String title, List<ConcurrencyLevel> levels) {
        StringBuilder svg = open(title);
        if (levels.isEmpty()) {
            text(svg, WIDTH / 2.0, HEIGHT / 2.0, "middle", "no levels");
            return close(svg);
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double maxAggregate = levels.stream().mapToDouble(ConcurrencyLevel::outputTokensPerSecond).max().orElse(1);
        double maxDecode = levels.stream().mapToDouble(l -> orZero(l.decode().percentile(50))).max().orElse(1);
        maxAggregate = niceCeiling(maxAggregate);
        maxDecode = niceCeiling(maxDecode);
        double slot = plotW / levels.size();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < levels.size(); i++) {
            ConcurrencyLevel l = levels.get(i);
            double cx = LEFT + slot * (i + 0.5);
            double h = plotH * l.outputTokensPerSecond() / maxAggregate;
            String fill = l.clientBottleneck() ? "#fcbba1" : "#9ecae1";
            svg.append(String.format(Locale.ROOT, "<rect class=\"level\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                    + " height=\"%.1f\" fill=\"%s\"/>%n", cx - slot * 0.3, TOP + plotH - h, slot * 0.6, h, fill));
            text(svg, cx, TOP + plotH - h - 4, "middle", format(l.outputTokensPerSecond()));
            String label = "c=" + l.target() + (l.clientBottleneck() ? " (peak " + l.observedPeak() + ")" : "");
            text(svg, cx, TOP + plotH + 16, "middle", label);
            double d = orZero(l.decode().percentile(50));
            double y = TOP + plotH - plotH * d / maxDecode;
            line.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", cx, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#d62728\"/>%n", cx, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#d62728\">%s</text>%n",
                    cx + 5, y - 5, format(d)));
        }
        svg.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.5\"/>\n");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>%n",
                LEFT, TOP + plotH, WIDTH - RIGHT, TOP + plotH));
        text(svg, LEFT - 6, TOP + 4, "end", format(maxAggregate));
        text(svg, LEFT - 6, TOP + plotH, "end", "0");
        text(svg, WIDTH - RIGHT + 6, TOP + 4, "start", format(maxDecode));
        text(svg, WIDTH - RIGHT + 6, TOP + plotH, "start", "0");
        text(svg, 14, TOP + plotH / 2, "middle", "aggregate output tok/s (bars)", -90);
        text(svg, WIDTH - 12, TOP + plotH / 2, "middle", "per-request decode tok/s p50 (line)", 90);
        text(svg, LEFT + plotW / 2, HEIGHT - 8, "middle", "concurrent streams");
        return close(svg);
    }

    /**
     * A capacity search: one bar per level measured (in the order of load), its height the first
     * SLO bound's figure, green where the level met the SLO and red where it did not, with the
     * bound's limit as a dashed line and goodput written above each bar.
     */
    public static String capacity(String title, Capacity capacity) {
        StringBuilder svg = open(title);
        List<Capacity.Step> steps = capacity.steps().stream()
                .sorted(java.util.Comparator.comparingDouble(Capacity.Step::level)).toList();
        if (steps.isEmpty()) {
            text(svg, WIDTH / 2.0, HEIGHT / 2.0, "middle", "no levels");
            return close(svg);
        }
        Slo.Bound bound = capacity.slo().bounds().get(0);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double top = bound.limitMs();
        for (Capacity.Step s : steps) {
            top = Math.max(top, orZero(capacity.slo().distribution(s.result(), bound.metric()).percentile(bound.percentile())));
        }
        top = niceCeiling(top);
        double slot = plotW / steps.size();
        for (int i = 0; i < steps.size(); i++) {
            Capacity.Step s = steps.get(i);
            double v = orZero(capacity.slo().distribution(s.result(), bound.metric()).percentile(bound.percentile()));
            double cx = LEFT + slot * (i + 0.5);
            double h = plotH * v / top;
            svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                    + " height=\"%.1f\" fill=\"%s\"/>%n", s.metSlo() ? "met" : "missed", cx - slot * 0.3, TOP + plotH - h,
                    slot * 0.6, h, s.metSlo() ? "#a1d99b" : "#fc9272"));
            text(svg, cx, TOP + plotH - h - 4, "middle", format(s.result().goodput(capacity.slo())) + "/s");
            text(svg, cx, TOP + plotH + 16, "middle", Numbers.exact(Distribution.round(s.level())));
        }
        double y = TOP + plotH - plotH * bound.limitMs() / top;
        svg.append(String.format(Locale.ROOT, "<line class=\"limit\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
                + " stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>%n", LEFT, y, WIDTH - RIGHT, y));
        text(svg, WIDTH - RIGHT, y - 4, "end", bound.describe());
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>%n",
                LEFT, TOP + plotH, WIDTH - RIGHT, TOP + plotH));
        text(svg, LEFT - 6, TOP + 4, "end", format(top));
        text(svg, LEFT - 6, TOP + plotH, "end", "0");
        text(svg, 14, TOP + plotH / 2, "middle", bound.metric().key().toUpperCase(Locale.ROOT) + " p"
                + Numbers.exact(bound.percentile()) + " ms (bars; goodput above)", -90);
        text(svg, LEFT + plotW / 2, HEIGHT - 8, "middle", capacity.profile().closedLoop() ? "concurrent streams"
                : "requests per second");
        return close(svg);
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        return svg;
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>\n").toString();
    }

    private static void axis(StringBuilder svg, double lo, double hi, String unit, double y) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>%n",
                LEFT, y, WIDTH - RIGHT, y));
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            text(svg, x(v, lo, hi), y + 14, "middle", format(v));
        }
        text(svg, WIDTH / 2.0, HEIGHT - 6, "middle", unit);
    }

    private static double x(double v, double lo, double hi) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (v - lo) / (hi - lo);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        text(svg, x, y, anchor, text, 0);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text, int rotate) {
        String transform = rotate == 0 ? "" : String.format(Locale.ROOT, " transform=\"rotate(%d %.1f %.1f)\"", rotate, x, y);
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\"%s>%s</text>%n",
                x, y, anchor, transform, escape(text)));
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    /** {@code s} as SVG (XML) text or attribute value: {@code & < > "} escaped; {@code null} is empty. */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
