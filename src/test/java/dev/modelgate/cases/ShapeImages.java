package dev.modelgate.cases;

import static dev.modelgate.cases.Drawing.BLUE;
import static dev.modelgate.cases.Drawing.GREEN;
import static dev.modelgate.cases.Drawing.INK;
import static dev.modelgate.cases.Drawing.RED;
import static dev.modelgate.cases.Drawing.YELLOW;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;

/** Separate shapes to count and to tell apart by colour; none touches another. */
final class ShapeImages {

    private ShapeImages() {
    }

    /** Three red circles, five blue squares and two green triangles. */
    static BufferedImage colouredShapes() {
        BufferedImage image = Drawing.canvas(640, 420);
        Graphics2D g = Drawing.start(image);
        g.setColor(RED);
        for (int[] c : new int[][] {{60, 50}, {420, 70}, {250, 290}}) {
            g.fillOval(c[0], c[1], 80, 80);
        }
        g.setColor(BLUE);
        for (int[] s : new int[][] {{220, 40}, {540, 40}, {80, 200}, {400, 220}, {540, 310}}) {
            g.fillRect(s[0], s[1], 64, 64);
        }
        g.setColor(GREEN);
        for (int[] t : new int[][] {{300, 170}, {60, 330}}) {
            g.fillPolygon(triangle(t[0], t[1], 88, 76));
        }
        g.dispose();
        return image;
    }

    /** Seven yellow stars with dark outlines, of three sizes. */
    static BufferedImage stars() {
        BufferedImage image = Drawing.canvas(640, 420);
        Graphics2D g = Drawing.start(image);
        int[][] stars = {{90, 90, 50}, {260, 70, 36}, {450, 110, 56}, {580, 250, 40}, {130, 300, 44},
                {330, 250, 52}, {470, 350, 34}};
        for (int[] s : stars) {
            g.setColor(INK);
            g.fillPolygon(Drawing.star(s[0], s[1], s[2] + 6));
            g.setColor(YELLOW);
            g.fillPolygon(Drawing.star(s[0], s[1], s[2]));
        }
        g.dispose();
        return image;
    }

    /** Six people standing in a line at a bus-stop pole. */
    static BufferedImage queue() {
        BufferedImage image = Drawing.canvas(720, 360);
        Graphics2D g = Drawing.start(image);
        g.setColor(INK);
        g.fillRect(0, 300, 720, 6);
        g.fillRect(36, 90, 8, 212);
        g.setColor(BLUE);
        g.fillRect(10, 60, 60, 40);
        Color[] shirts = {RED, GREEN, BLUE, YELLOW, new Color(0x8E, 0x44, 0xAD), RED};
        for (int i = 0; i < shirts.length; i++) {
            person(g, 130 + i * 100, 300, shirts[i]);
        }
        g.dispose();
        return image;
    }

    /** One circle, square, triangle and star, each its own colour; only the triangle is red. */
    static BufferedImage whichIsRed() {
        BufferedImage image = Drawing.canvas(720, 300);
        Graphics2D g = Drawing.start(image);
        g.setColor(BLUE);
        g.fillOval(40, 80, 140, 140);
        g.setColor(GREEN);
        g.fillRect(220, 80, 140, 140);
        g.setColor(RED);
        g.fillPolygon(triangle(400, 80, 150, 140));
        g.setColor(YELLOW);
        g.fillPolygon(Drawing.star(630, 150, 76));
        g.dispose();
        return image;
    }

    /** Nine balloons on strings: four blue, three red, two yellow. */
    static BufferedImage balloons() {
        BufferedImage image = Drawing.canvas(720, 440);
        Graphics2D g = Drawing.start(image);
        Color[] colours = {RED, BLUE, YELLOW, BLUE, RED, BLUE, YELLOW, RED, BLUE};
        int[] heights = {70, 130, 50, 100, 40, 140, 90, 60, 110};
        for (int i = 0; i < colours.length; i++) {
            int x = 40 + i * 74;
            int y = heights[i];
            g.setColor(INK);
            g.fillRect(x + 29, y + 84, 2, 420 - y - 84);
            g.setColor(colours[i]);
            g.fillOval(x, y, 60, 80);
            g.fillPolygon(new Polygon(new int[] {x + 24, x + 36, x + 30}, new int[] {y + 88, y + 88, y + 78}, 3));
        }
        g.dispose();
        return image;
    }

    private static Polygon triangle(int x, int y, int width, int height) {
        return new Polygon(new int[] {x, x + width / 2, x + width}, new int[] {y + height, y, y + height}, 3);
    }

    /** A stick person standing on {@code groundY}: head, shirt, legs. */
    private static void person(Graphics2D g, int centreX, int groundY, Color shirt) {
        g.setColor(INK);
        g.fillOval(centreX - 18, groundY - 190, 36, 36);
        g.fillRect(centreX - 16, groundY - 80, 12, 80);
        g.fillRect(centreX + 4, groundY - 80, 12, 80);
        g.setColor(shirt);
        g.fillRect(centreX - 24, groundY - 150, 48, 74);
    }
}
