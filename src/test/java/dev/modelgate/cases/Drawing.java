package dev.modelgate.cases;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** What every vision image is drawn with: a white canvas, plain colours, no anti-aliasing. */
final class Drawing {

    static final Color INK = new Color(0x20, 0x20, 0x20);
    static final Color PAPER = Color.WHITE;
    static final Color RED = new Color(0xD3, 0x2F, 0x2F);
    static final Color BLUE = new Color(0x19, 0x4F, 0xC8);
    static final Color GREEN = new Color(0x2E, 0x9E, 0x44);
    static final Color YELLOW = new Color(0xF2, 0xC2, 0x1B);
    static final Color GREY = new Color(0x9A, 0xA5, 0xB1);
    static final Color LIGHT = new Color(0xE3, 0xEA, 0xF2);

    private Drawing() {
    }

    /** A white image and its graphics, ready to draw on; the caller disposes of the graphics. */
    static Graphics2D start(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(PAPER);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** A bar along the ray at {@code degrees} (clockwise from 12) from radius {@code from} to {@code to}. */
    static Polygon ray(int cx, int cy, double degrees, int from, int to, int halfWidth) {
        double a = Math.toRadians(degrees);
        double dx = Math.sin(a);
        double dy = -Math.cos(a);
        double px = -dy * halfWidth;
        double py = dx * halfWidth;
        int[] xs = {
                (int) Math.round(cx + dx * from + px), (int) Math.round(cx + dx * to + px),
                (int) Math.round(cx + dx * to - px), (int) Math.round(cx + dx * from - px)};
        int[] ys = {
                (int) Math.round(cy + dy * from + py), (int) Math.round(cy + dy * to + py),
                (int) Math.round(cy + dy * to - py), (int) Math.round(cy + dy * from - py)};
        return new Polygon(xs, ys, 4);
    }

    /** A straight stroke from (x1, y1) to (x2, y2), {@code 2 * halfWidth} pixels wide. */
    static void line(Graphics2D g, int x1, int y1, int x2, int y2, int halfWidth) {
        double length = Math.hypot(x2 - x1, y2 - y1);
        double px = -(y2 - y1) / length * halfWidth;
        double py = (x2 - x1) / length * halfWidth;
        g.fillPolygon(new Polygon(new int[] {
                (int) Math.round(x1 + px), (int) Math.round(x2 + px), (int) Math.round(x2 - px), (int) Math.round(x1 - px)},
                new int[] {
                (int) Math.round(y1 + py), (int) Math.round(y2 + py), (int) Math.round(y2 - py), (int) Math.round(y1 - py)},
                4));
    }

    /** A thick arrow from (x1, y1) to (x2, y2), its head at the second point. */
    static void arrow(Graphics2D g, int x1, int y1, int x2, int y2, int halfWidth) {
        double length = Math.hypot(x2 - x1, y2 - y1);
        double ux = (x2 - x1) / length;
        double uy = (y2 - y1) / length;
        int head = halfWidth * 4;
        int bx = (int) Math.round(x2 - ux * head);
        int by = (int) Math.round(y2 - uy * head);
        double px = -uy;
        double py = ux;
        g.fillPolygon(new Polygon(new int[] {
                (int) Math.round(x1 + px * halfWidth), (int) Math.round(bx + px * halfWidth),
                (int) Math.round(bx - px * halfWidth), (int) Math.round(x1 - px * halfWidth)}, new int[] {
                (int) Math.round(y1 + py * halfWidth), (int) Math.round(by + py * halfWidth),
                (int) Math.round(by - py * halfWidth), (int) Math.round(y1 - py * halfWidth)}, 4));
        int wing = halfWidth * 3;
        g.fillPolygon(new Polygon(new int[] {x2, (int) Math.round(bx + px * wing), (int) Math.round(bx - px * wing)},
                new int[] {y2, (int) Math.round(by + py * wing), (int) Math.round(by - py * wing)}, 3));
    }

    /** A five-pointed star centred on (cx, cy) with outer radius {@code r}. */
    static Polygon star(int cx, int cy, int r) {
        int[] xs = new int[10];
        int[] ys = new int[10];
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? r : r * 0.42;
            double a = Math.toRadians(i * 36.0);
            xs[i] = (int) Math.round(cx + radius * Math.sin(a));
            ys[i] = (int) Math.round(cy - radius * Math.cos(a));
        }
        return new Polygon(xs, ys, 10);
    }

    /** A rectangle outline {@code thickness} pixels wide, inside the given bounds. */
    static void frame(Graphics2D g, int x, int y, int width, int height, int thickness) {
        g.fillRect(x, y, width, thickness);
        g.fillRect(x, y + height - thickness, width, thickness);
        g.fillRect(x, y, thickness, height);
        g.fillRect(x + width - thickness, y, thickness, height);
    }
}
