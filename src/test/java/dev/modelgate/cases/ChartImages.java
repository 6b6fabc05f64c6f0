package dev.modelgate.cases;

import static dev.modelgate.cases.Drawing.INK;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Bar and line charts: read a value, find the highest or lowest, compare two. */
final class ChartImages {

    private static final Color BAR = new Color(0x2E, 0x6F, 0xB5);
    private static final Color GRID = new Color(0xC8, 0xCF, 0xD8);

    private ChartImages() {
    }

    /** Monthly solar output; April is the highest bar, labelled 263. */
    static BufferedImage solarOutput() {
        return bars("SOLAR OUTPUT (KWH)", new String[] {"JAN", "FEB", "MAR", "APR", "MAY", "JUN"},
                new int[] {182, 205, 241, 263, 229, 174}, 1.0, BAR);
    }

    /** Daily rainfall; Wednesday is the lowest bar, labelled 3. */
    static BufferedImage rainfall() {
        return bars("RAINFALL (MM)", new String[] {"MON", "TUE", "WED", "THU", "FRI"},
                new int[] {12, 8, 3, 15, 6}, 20.0, new Color(0x1B, 0x8A, 0x8F));
    }

    /** Library visitors; Saturday (340) minus Sunday (275) is 65. */
    static BufferedImage visitors() {
        return bars("LIBRARY VISITORS", new String[] {"THU", "FRI", "SAT", "SUN"},
                new int[] {190, 230, 340, 275}, 0.9, new Color(0x8E, 0x44, 0xAD));
    }

    /** Temperature through a day, without labels on the points; the highest is at 15:00 (34). */
    static BufferedImage temperature() {
        return line("TEMPERATURE (C)", new String[] {"06:00", "09:00", "12:00", "15:00", "18:00", "21:00"},
                new int[] {21, 25, 31, 34, 28, 23}, 15, 40, 5, new Color(0xE0, 0x5A, 0x1E));
    }

    /** Tomato prices by month, every point on a labelled grid line; March is 20. */
    static BufferedImage tomatoPrice() {
        return line("TOMATO PRICE (RS/KG)", new String[] {"JAN", "FEB", "MAR", "APR", "MAY", "JUN"},
                new int[] {40, 30, 20, 30, 50, 60}, 0, 70, 10, new Color(0xC6, 0x28, 0x28));
    }

    /** Labelled vertical bars, {@code pixelsPerUnit} high per unit of value, over the month or day names. */
    private static BufferedImage bars(String title, String[] labels, int[] values, double pixelsPerUnit, Color colour) {
        BufferedImage image = Drawing.canvas(640, 440);
        Graphics2D g = Drawing.start(image);
        g.setColor(INK);
        PixelFont.drawCentred(g, title, 320, 20, 3);
        int baseY = 390;
        int left = 60;
        g.fillRect(left - 4, 70, 3, baseY - 70 + 2);
        g.fillRect(left - 4, baseY, 560, 3);
        for (int i = 0; i < labels.length; i++) {
            int x = left + 20 + i * 90;
            int h = (int) Math.round(values[i] * pixelsPerUnit);
            g.setColor(colour);
            g.fillRect(x, baseY - h, 56, h);
            g.setColor(INK);
            PixelFont.drawCentred(g, String.valueOf(values[i]), x + 28, baseY - h - 26, 3);
            PixelFont.drawCentred(g, labels[i], x + 28, baseY + 14, 3);
        }
        g.dispose();
        return image;
    }

    /** A line through square markers over a grid labelled every {@code step} from {@code low} to {@code high}. */
    private static BufferedImage line(String title, String[] labels, int[] values, int low, int high, int step,
            Color colour) {
        BufferedImage image = Drawing.canvas(800, 460);
        Graphics2D g = Drawing.start(image);
        int left = 110;
        int right = 770;
        int top = 80;
        int bottom = 390;
        g.setColor(INK);
        PixelFont.drawCentred(g, title, 440, 20, 3);
        for (int v = low; v <= high; v += step) {
            int y = bottom - (v - low) * (bottom - top) / (high - low);
            g.setColor(GRID);
            g.fillRect(left, y - 1, right - left, 2);
            g.setColor(INK);
            String label = String.valueOf(v);
            PixelFont.draw(g, label, left - 16 - PixelFont.width(label, 3), y - 10, 3);
        }
        g.fillRect(left - 3, top - 10, 3, bottom - top + 13);
        g.fillRect(left - 3, bottom, right - left + 3, 3);
        int[] xs = new int[values.length];
        int[] ys = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            xs[i] = left + 50 + i * (right - left - 100) / (values.length - 1);
            ys[i] = bottom - (values[i] - low) * (bottom - top) / (high - low);
            g.setColor(INK);
            PixelFont.drawCentred(g, labels[i], xs[i], bottom + 16, 3);
        }
        g.setColor(colour);
        for (int i = 1; i < values.length; i++) {
            Drawing.line(g, xs[i - 1], ys[i - 1], xs[i], ys[i], 2);
        }
        for (int i = 0; i < values.length; i++) {
            g.fillRect(xs[i] - 7, ys[i] - 7, 14, 14);
        }
        g.dispose();
        return image;
    }
}
