package dev.modelgate.cases;

import static dev.modelgate.cases.Drawing.INK;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Analogue clocks with twelve numbers, minute ticks and two hands. */
final class ClockImages {

    static final Color CREAM = new Color(0xFA, 0xF6, 0xE8);

    private ClockImages() {
    }

    /** A clock showing {@code hours}:{@code minutes}, the hour hand moved on by the minutes. */
    static BufferedImage clock(int hours, int minutes, Color face) {
        int size = 480;
        int centre = size / 2;
        BufferedImage image = Drawing.canvas(size, size);
        Graphics2D g = Drawing.start(image);
        g.setColor(INK);
        g.fillOval(20, 20, 440, 440);
        g.setColor(face);
        g.fillOval(32, 32, 416, 416);
        g.setColor(INK);
        for (int minute = 0; minute < 60; minute++) {
            boolean hour = minute % 5 == 0;
            g.fillPolygon(Drawing.ray(centre, centre, minute * 6.0, hour ? 178 : 190, 200, hour ? 4 : 1));
        }
        for (int h = 1; h <= 12; h++) {
            double angle = Math.toRadians(h * 30.0);
            int x = (int) Math.round(centre + 150 * Math.sin(angle));
            int y = (int) Math.round(centre - 150 * Math.cos(angle));
            String label = String.valueOf(h);
            PixelFont.draw(g, label, x - PixelFont.width(label, 4) / 2, y - PixelFont.height(4) / 2, 4);
        }
        double hourPosition = hours % 12 + minutes / 60.0;
        g.fillPolygon(Drawing.ray(centre, centre, hourPosition * 30, -18, 92, 7));
        g.fillPolygon(Drawing.ray(centre, centre, minutes * 6.0, -22, 128, 4));
        g.fillOval(centre - 9, centre - 9, 18, 18);
        g.dispose();
        return image;
    }
}
