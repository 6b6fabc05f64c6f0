package dev.modelgate.report;

import static dev.modelgate.measure.SvgCharts.escape;

import dev.modelgate.verdict.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart as a standalone SVG document: one row per model, each bar one or more
 * stacked segments, an optional whisker (a range such as p50–p99), vertical reference lines
 * (thresholds), and a note at the end of each row.
 */
final class SvgBarChart {

    /** One stacked part of a bar. */
    public record Segment(String name, double value, String color) {
    }

    /** One row: a label, its segments (none: nothing measured), an optional whisker and a note. */
    public record Row(String label, List<Segment> segments, Double whiskerLow, Double whiskerHigh, String note) {
        public Row {
            segments = List.copyOf(segments);
        }

        double end() {
            return segments.stream().mapToDouble(Segment::value).sum();
        }
    }

    /** A vertical reference line at {@code value}. */
    public record Line(double value, String label, String color) {
    }

    private static final int WIDTH = 820;
    private static final int LABEL_W = 250;
    private static final int PLOT_W = 420;
    private static final int ROW_H = 30;

    private final String title;
    private final String axis;
    private final List<Row> rows = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    public SvgBarChart(String title, String axis) {
        this.title = title;
        this.axis = axis;
    }

    public SvgBarChart row(Row row) {
        rows.add(row);
        return this;
    }

    public SvgBarChart line(Line line) {
        lines.add(line);
        return this;
    }

    public String render() {
        double max = 0;
        for (Row r : rows) {
            max = Math.max(max, r.end());
            if (r.whiskerHigh() != null) {
                max = Math.max(max, r.whiskerHigh());
            }
        }
        for (Line l : lines) {
            max = Math.max(max, l.value());
        }
        double scale = niceCeiling(max <= 0 ? 1 : max * 1.05);
        int top = 48 + 14 * Math.max(1, lines.size()); // a row of its own for each reference line's label
        int height = top + rows.size() * ROW_H + 44;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append(text(10, 20, title, "font-size=\"15\" font-weight=\"bold\""));
        legend(s);
        int plotBottom = top + rows.size() * ROW_H;
        for (int i = 0; i <= 4; i++) {
            double v = scale * i / 4;
            double x = x(v, scale);
            s.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(top - 4).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(plotBottom).append("\" stroke=\"#e3e3e3\"/>\n");
            s.append(text(x, plotBottom + 16, Format.num(v), "text-anchor=\"middle\" fill=\"#555\""));
        }
        s.append(text(LABEL_W + PLOT_W / 2.0, plotBottom + 34, axis, "text-anchor=\"middle\" fill=\"#555\""));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = top + i * ROW_H;
            s.append(text(LABEL_W - 8, y + 19, r.label(), "text-anchor=\"end\""));
            double start = 0;
            for (Segment seg : r.segments()) {
                double w = x(start + seg.value(), scale) - x(start, scale);
                s.append("<rect x=\"").append(f(x(start, scale))).append("\" y=\"").append(y + 6).append("\" width=\"")
                        .append(f(Math.max(0, w))).append("\" height=\"").append(ROW_H - 12).append("\" fill=\"")
                        .append(seg.color()).append("\"><title>").append(escape(seg.name() + " " + Format.num(seg.value())))
                        .append("</title></rect>\n");
                start += seg.value();
            }
            if (r.whiskerLow() != null && r.whiskerHigh() != null) {
                double x1 = x(r.whiskerLow(), scale);
                double x2 = x(r.whiskerHigh(), scale);
                int cy = y + ROW_H / 2;
                s.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(cy).append("\" x2=\"").append(f(x2))
                        .append("\" y2=\"").append(cy).append("\" stroke=\"#222\" stroke-width=\"1.5\"/>\n");
                for (double xx : new double[] {x1, x2}) {
                    s.append("<line x1=\"").append(f(xx)).append("\" y1=\"").append(cy - 5).append("\" x2=\"").append(f(xx))
                            .append("\" y2=\"").append(cy + 5).append("\" stroke=\"#222\" stroke-width=\"1.5\"/>\n");
                }
            }
            double noteX = Math.max(x(r.end(), scale), r.whiskerHigh() == null ? 0 : x(r.whiskerHigh(), scale));
            s.append(text(Math.max(noteX, LABEL_W) + 6, y + 19, r.note(), "fill=\"#222\""));
        }
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            double x = x(l.value(), scale);
            int labelY = 58 + 14 * i;
            s.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(labelY + 3).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(plotBottom).append("\" stroke=\"").append(l.color())
                    .append("\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>\n");
            s.append(text(x + 3, labelY, l.label(), "fill=\"" + l.color() + "\" font-size=\"11\""));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private void legend(StringBuilder s) {
        Map<String, String> names = new LinkedHashMap<>();
        rows.forEach(r -> r.segments().forEach(seg -> names.putIfAbsent(seg.name(), seg.color())));
        if (names.size() < 2) {
            return;
        }
        double x = 10;
        for (var e : names.entrySet()) {
            s.append("<rect x=\"").append(f(x)).append("\" y=\"28\" width=\"10\" height=\"10\" fill=\"").append(e.getValue())
                    .append("\"/>\n");
            s.append(text(x + 14, 37, e.getKey(), "fill=\"#333\""));
            x += 24 + e.getKey().length() * 6.5;
        }
    }

    private static double x(double v, double scale) {
        return LABEL_W + PLOT_W * v / scale;
    }

    /** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least {@code v}. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String text(double x, double y, String content, String attrs) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" " + attrs + ">" + escape(content) + "</text>\n";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
