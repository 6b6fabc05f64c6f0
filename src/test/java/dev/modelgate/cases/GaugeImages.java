package dev.modelgate.cases;

import static dev.modelgate.cases.Drawing.INK;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Instruments to read: a thermometer and a speedometer. */
final class GaugeImages {

    private GaugeImages() {
    }

    /** A thermometer from 0 to 50, a tick per degree, numbers every 5; the column stands at 35. */
    static BufferedImage thermometer() {
        BufferedImage image = Drawing.canvas(400, 640);
        Graphics2D g = Drawing.start(image);
        int bottom = 520;
        int top = 70;
        int perDegree = (bottom - top) / 50;
        g.setColor(INK);
        g.fillRect(152, top - 20, 56, bottom - top + 40);
        g.fillOval(130, bottom, 100, 100);
        g.setColor(Drawing.PAPER);
        g.fillRect(160, top - 12, 40, bottom - top + 40);
        g.setColor(Drawing.RED);
        g.fillOval(140, bottom + 10, 80, 80);
        g.fillRect(166, bottom - 35 * perDegree, 28, 35 * perDegree + 20);
        g.setColor(INK);
        for (int t = 0; t <= 50; t++) {
            int y = bottom - t * perDegree;
            boolean labelled = t % 5 == 0;
            g.fillRect(208, y - 1, labelled ? 30 : 14, labelled ? 4 : 2);
            if (labelled) {
                PixelFont.draw(g, String.valueOf(t), 250, y - 10, 3);
            }
        }
        PixelFont.draw(g, "C", 100, top - 10, 4);
        g.dispose();
        return image;
    }

    /** A speedometer from 0 to 120 km/h over 240 degrees, numbers every 20; the needle is at 80. */
    static BufferedImage speedometer() {
        int size = 520;
        int c = size / 2;
        BufferedImage image = Drawing.canvas(size, size);
        Graphics2D g = Drawing.start(image);
        g.setColor(INK);
        g.fillOval(20, 20, 480, 480);
        g.setColor(new Color(0xF4, 0xF4, 0xF4));
        g.fillOval(32, 32, 456, 456);
        g.setColor(INK);
        for (int v = 0; v <= 120; v += 5) {
            double degrees = -120 + v * 2.0;
            boolean labelled = v % 20 == 0;
            g.fillPolygon(Drawing.ray(c, c, degrees, labelled ? 186 : 200, 220, labelled ? 4 : 2));
            if (labelled) {
                String label = String.valueOf(v);
                double a = Math.toRadians(degrees);
                int x = (int) Math.round(c + 150 * Math.sin(a));
                int y = (int) Math.round(c - 150 * Math.cos(a));
                PixelFont.draw(g, label, x - PixelFont.width(label, 4) / 2, y - PixelFont.height(4) / 2, 4);
            }
        }
        PixelFont.drawCentred(g, "KM/H", c, c + 110, 4);
        g.setColor(Drawing.RED);
        g.fillPolygon(Drawing.ray(c, c, -120 + 80 * 2.0, -20, 124, 5));
        g.setColor(INK);
        g.fillOval(c - 16, c - 16, 32, 32);
        g.dispose();
        return image;
    }
}
