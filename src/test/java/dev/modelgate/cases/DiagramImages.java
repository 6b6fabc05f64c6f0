package dev.modelgate.cases;

import static dev.modelgate.cases.Drawing.INK;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Simple diagrams: an arrow to a box, a floor plan, a flow of three steps, a traffic light. */
final class DiagramImages {

    private DiagramImages() {
    }

    /** Four lettered boxes in the corners; the arrow from the centre points to C (bottom left). */
    static BufferedImage arrowToBox() {
        BufferedImage image = Drawing.canvas(640, 480);
        Graphics2D g = Drawing.start(image);
        String[] letters = {"A", "B", "C", "D"};
        int[][] corners = {{40, 40}, {480, 40}, {40, 320}, {480, 320}};
        for (int i = 0; i < 4; i++) {
            g.setColor(INK);
            Drawing.frame(g, corners[i][0], corners[i][1], 120, 120, 6);
            PixelFont.drawCentred(g, letters[i], corners[i][0] + 60, corners[i][1] + 60 - PixelFont.height(8) / 2, 8);
        }
        g.setColor(new Color(0xC6, 0x28, 0x28));
        Drawing.arrow(g, 360, 200, 176, 318, 8);
        g.dispose();
        return image;
    }

    /** A flat of four rooms: kitchen top left, living room top right, bedroom below the kitchen, bath. */
    static BufferedImage floorPlan() {
        BufferedImage image = Drawing.canvas(720, 520);
        Graphics2D g = Drawing.start(image);
        g.setColor(INK);
        Drawing.frame(g, 40, 40, 640, 440, 8);
        g.fillRect(40, 256, 640, 8);
        g.fillRect(316, 40, 8, 440);
        g.setColor(Drawing.PAPER);
        g.fillRect(140, 256, 80, 8);
        g.fillRect(316, 120, 8, 80);
        g.fillRect(316, 340, 8, 80);
        g.setColor(INK);
        PixelFont.drawCentred(g, "KITCHEN", 180, 136, 4);
        PixelFont.drawCentred(g, "LIVING", 500, 120, 4);
        PixelFont.drawCentred(g, "ROOM", 500, 160, 4);
        PixelFont.drawCentred(g, "BEDROOM", 180, 356, 4);
        PixelFont.drawCentred(g, "BATH", 500, 356, 4);
        g.dispose();
        return image;
    }

    /** Three boxes joined by arrows, left to right: ORDER, PACK, SHIP. */
    static BufferedImage flow() {
        BufferedImage image = Drawing.canvas(800, 300);
        Graphics2D g = Drawing.start(image);
        String[] steps = {"ORDER", "PACK", "SHIP"};
        for (int i = 0; i < steps.length; i++) {
            int x = 30 + i * 270;
            g.setColor(Drawing.LIGHT);
            g.fillRect(x, 90, 200, 120);
            g.setColor(INK);
            Drawing.frame(g, x, 90, 200, 120, 5);
            PixelFont.drawCentred(g, steps[i], x + 100, 150 - PixelFont.height(5) / 2, 5);
            if (i > 0) {
                Drawing.arrow(g, x - 66, 150, x - 6, 150, 5);
            }
        }
        g.dispose();
        return image;
    }

    /** A traffic light with only its bottom (green) lamp lit. */
    static BufferedImage trafficLight() {
        BufferedImage image = Drawing.canvas(360, 560);
        Graphics2D g = Drawing.start(image);
        g.setColor(new Color(0x55, 0x55, 0x55));
        g.fillRect(168, 440, 24, 120);
        g.setColor(INK);
        g.fillRect(100, 20, 160, 430);
        Color dark = new Color(0x4A, 0x4A, 0x4A);
        Color[] lamps = {dark, dark, new Color(0x1E, 0xD7, 0x60)};
        for (int i = 0; i < 3; i++) {
            g.setColor(lamps[i]);
            g.fillOval(125, 40 + i * 135, 110, 110);
        }
        g.dispose();
        return image;
    }
}
