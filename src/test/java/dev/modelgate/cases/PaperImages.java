package dev.modelgate.cases;

import static dev.modelgate.cases.Drawing.INK;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.DayOfWeek;
import java.time.YearMonth;

/** Printed paper: a calendar page and a shop receipt. */
final class PaperImages {

    private PaperImages() {
    }

    /** July 2027 (it starts on a Thursday) with the 23rd, a Friday, ringed in red. */
    static BufferedImage calendar() {
        YearMonth month = YearMonth.of(2027, 7);
        int circled = 23;
        int cell = 90;
        int left = 25;
        int top = 130;
        BufferedImage image = Drawing.canvas(left * 2 + 7 * cell, top + 6 * cell + 20);
        Graphics2D g = Drawing.start(image);
        g.setColor(INK);
        PixelFont.drawCentred(g, "JULY 2027", image.getWidth() / 2, 24, 5);
        String[] days = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
        for (int d = 0; d < 7; d++) {
            PixelFont.drawCentred(g, days[d], left + d * cell + cell / 2, 90, 3);
        }
        int offset = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            int slot = offset + day - 1;
            int x = left + (slot % 7) * cell;
            int y = top + (slot / 7) * cell;
            g.setColor(INK);
            Drawing.frame(g, x, y, cell + 2, cell + 2, 2);
            PixelFont.drawCentred(g, String.valueOf(day), x + cell / 2, y + cell / 2 - 10, 3);
            if (day == circled) {
                ring(g, x + cell / 2, y + cell / 2, 36, 5);
            }
        }
        g.dispose();
        return image;
    }

    /** A café bill: three items, a subtotal of 350, 5 % tax of 17.50 and a total of 367.50. */
    static BufferedImage receipt() {
        String[][] lines = {
                {"2 X COFFEE", "120.00"},
                {"MASALA DOSA", "90.00"},
                {"IDLI VADA", "140.00"},
                {"", ""},
                {"SUBTOTAL", "350.00"},
                {"TAX 5%", "17.50"},
                {"TOTAL", "367.50"}};
        BufferedImage image = Drawing.canvas(560, 640);
        Graphics2D g = Drawing.start(image);
        g.setColor(new Color(0xEC, 0xE6, 0xD8));
        g.fillRect(0, 0, 560, 640);
        g.setColor(Drawing.PAPER);
        g.fillRect(60, 20, 440, 600);
        g.setColor(INK);
        PixelFont.drawCentred(g, "LAKESIDE CAFE", 280, 50, 4);
        PixelFont.drawCentred(g, "02/12/2026 14:05", 280, 100, 2);
        dashes(g, 140);
        int y = 170;
        for (String[] line : lines) {
            if (line[0].equals("TOTAL")) {
                dashes(g, y - 12);
                y += 10;
            }
            int scale = line[0].equals("TOTAL") ? 4 : 3;
            PixelFont.draw(g, line[0], 85, y, scale);
            PixelFont.draw(g, line[1], 475 - PixelFont.width(line[1], scale), y, scale);
            y += 48;
        }
        dashes(g, y);
        PixelFont.drawCentred(g, "THANK YOU", 280, y + 30, 3);
        g.dispose();
        return image;
    }

    private static void dashes(Graphics2D g, int y) {
        for (int x = 80; x < 480; x += 20) {
            g.fillRect(x, y, 12, 3);
        }
    }

    /** A red ring of {@code thickness} pixels around (cx, cy). */
    private static void ring(Graphics2D g, int cx, int cy, int radius, int thickness) {
        g.setColor(Drawing.RED);
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d <= radius && d > radius - thickness) {
                    g.fillRect(cx + dx, cy + dy, 1, 1);
                }
            }
        }
    }
}
