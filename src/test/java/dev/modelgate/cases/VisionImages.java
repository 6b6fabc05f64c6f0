package dev.modelgate.cases;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the images of the built-in vision cases. Everything is drawn without anti-aliasing and
 * with {@link PixelFont}, so a fresh render equals the committed files pixel for pixel
 * ({@code VisionImagesTest} checks it). Run {@link #main} to write them again after a change:
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=dev.modelgate.cases.VisionImages
 * -Dexec.classpathScope=test}.
 */
public final class VisionImages {

    static final Color INK = new Color(0x20, 0x20, 0x20);
    static final Color PAPER = Color.WHITE;

    private VisionImages() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/cases/vision");
        Files.createDirectories(dir);
        for (Map.Entry<String, BufferedImage> e : renderAll().entrySet()) {
            Path file = dir.resolve(e.getKey());
            ImageIO.write(e.getValue(), "png", file.toFile());
            System.out.println("wrote " + file);
        }
    }

    /** Every image by file name. */
    static Map<String, BufferedImage> renderAll() {
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        images.put("solar-bar-chart.png", barChart());
        images.put("gate-sign.png", sign());
        images.put("coloured-shapes.png", shapes());
        images.put("train-table.png", table());
        images.put("clock-face.png", clock());
        return images;
    }

    /** Monthly solar output; April is the highest bar, labelled 263. */
    static BufferedImage barChart() {
        BufferedImage image = canvas(640, 440);
        Graphics2D g = graphics(image);
        g.setColor(INK);
        PixelFont.drawCentred(g, "SOLAR OUTPUT (KWH)", 320, 20, 3);
        String[] months = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN"};
        int[] values = {182, 205, 241, 263, 229, 174};
        int baseY = 390;
        int left = 60;
        g.fillRect(left - 4, 70, 3, baseY - 70 + 2);
        g.fillRect(left - 4, baseY, 560, 3);
        for (int i = 0; i < months.length; i++) {
            int x = left + 20 + i * 90;
            int h = values[i];
            g.setColor(new Color(0x2E, 0x6F, 0xB5));
            g.fillRect(x, baseY - h, 56, h);
            g.setColor(INK);
            PixelFont.drawCentred(g, String.valueOf(values[i]), x + 28, baseY - h - 26, 3);
            PixelFont.drawCentred(g, months[i], x + 28, baseY + 14, 3);
        }
        g.dispose();
        return image;
    }

    /** A red notice: gate 3 is closed, use gate 5. */
    static BufferedImage sign() {
        BufferedImage image = canvas(640, 360);
        Graphics2D g = graphics(image);
        g.setColor(new Color(0x9A, 0xA5, 0xB1));
        g.fillRect(0, 0, 640, 360);
        g.setColor(PAPER);
        g.fillRect(40, 40, 560, 280);
        g.setColor(new Color(0xC6, 0x28, 0x28));
        g.fillRect(52, 52, 536, 256);
        g.setColor(PAPER);
        PixelFont.drawCentred(g, "GATE 3 CLOSED", 320, 84, 6);
        PixelFont.drawCentred(g, "FOR REPAIRS", 320, 160, 5);
        PixelFont.drawCentred(g, "PLEASE USE GATE 5 >", 320, 240, 4);
        g.dispose();
        return image;
    }

    /** Three red circles, five blue squares and two green triangles, none touching. */
    static BufferedImage shapes() {
        BufferedImage image = canvas(640, 420);
        Graphics2D g = graphics(image);
        g.setColor(new Color(0xD3, 0x2F, 0x2F));
        int[][] circles = {{60, 50}, {420, 70}, {250, 290}};
        for (int[] c : circles) {
            g.fillOval(c[0], c[1], 80, 80);
        }
        g.setColor(new Color(0x19, 0x4F, 0xC8));
        int[][] squares = {{220, 40}, {540, 40}, {80, 200}, {400, 220}, {540, 310}};
        for (int[] s : squares) {
            g.fillRect(s[0], s[1], 64, 64);
        }
        g.setColor(new Color(0x2E, 0x9E, 0x44));
        int[][] triangles = {{300, 170}, {60, 330}};
        for (int[] t : triangles) {
            g.fillPolygon(new Polygon(new int[] {t[0], t[0] + 44, t[0] + 88}, new int[] {t[1] + 76, t[1], t[1] + 76}, 3));
        }
        g.dispose();
        return image;
    }

    /** A departure board: the Lake Express leaves at 09:40 from platform 2. */
    static BufferedImage table() {
        String[][] rows = {
                {"TRAIN", "DEPARTS", "PLATFORM"},
                {"BLUE LINE", "06:10", "4"},
                {"LAKE EXPRESS", "09:40", "2"},
                {"HILL SHUTTLE", "13:25", "1"},
                {"CITY LOOP", "17:05", "3"}};
        int[] columns = {20, 300, 450, 640};
        int rowHeight = 56;
        BufferedImage image = canvas(660, 20 + rows.length * rowHeight + 20);
        Graphics2D g = graphics(image);
        g.setColor(new Color(0xE3, 0xEA, 0xF2));
        g.fillRect(columns[0], 20, columns[3] - columns[0], rowHeight);
        g.setColor(INK);
        for (int r = 0; r <= rows.length; r++) {
            g.fillRect(columns[0], 20 + r * rowHeight, columns[3] - columns[0] + 2, 2);
        }
        for (int x : columns) {
            g.fillRect(x, 20, 2, rows.length * rowHeight + 2);
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 3; c++) {
                PixelFont.draw(g, rows[r][c], columns[c] + 14, 20 + r * rowHeight + 18, 3);
            }
        }
        g.dispose();
        return image;
    }

    /** An analogue clock at 3:40. */
    static BufferedImage clock() {
        int size = 480;
        int centre = size / 2;
        BufferedImage image = canvas(size, size);
        Graphics2D g = graphics(image);
        g.setColor(INK);
        g.fillOval(20, 20, 440, 440);
        g.setColor(new Color(0xFA, 0xF6, 0xE8));
        g.fillOval(32, 32, 416, 416);
        g.setColor(INK);
        for (int minute = 0; minute < 60; minute++) {
            boolean hour = minute % 5 == 0;
            g.fillPolygon(bar(centre, minute * 6.0, hour ? 178 : 190, 200, hour ? 4 : 1));
        }
        for (int h = 1; h <= 12; h++) {
            double angle = Math.toRadians(h * 30.0);
            int x = (int) Math.round(centre + 150 * Math.sin(angle));
            int y = (int) Math.round(centre - 150 * Math.cos(angle));
            String label = String.valueOf(h);
            PixelFont.draw(g, label, x - PixelFont.width(label, 4) / 2, y - PixelFont.height(4) / 2, 4);
        }
        double minutes = 40;
        double hours = 3 + minutes / 60;
        g.fillPolygon(bar(centre, hours * 30, -18, 92, 7));
        g.fillPolygon(bar(centre, minutes * 6, -22, 128, 4));
        g.fillOval(centre - 9, centre - 9, 18, 18);
        g.dispose();
        return image;
    }

    /** A bar along the ray at {@code degrees} (clockwise from 12) from radius {@code from} to {@code to}. */
    private static Polygon bar(int centre, double degrees, int from, int to, int halfWidth) {
        double a = Math.toRadians(degrees);
        double dx = Math.sin(a);
        double dy = -Math.cos(a);
        double px = -dy * halfWidth;
        double py = dx * halfWidth;
        int[] xs = {
                (int) Math.round(centre + dx * from + px), (int) Math.round(centre + dx * to + px),
                (int) Math.round(centre + dx * to - px), (int) Math.round(centre + dx * from - px)};
        int[] ys = {
                (int) Math.round(centre + dy * from + py), (int) Math.round(centre + dy * to + py),
                (int) Math.round(centre + dy * to - py), (int) Math.round(centre + dy * from - py)};
        return new Polygon(xs, ys, 4);
    }

    private static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(PAPER);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }
}
