package dev.modelgate.cases;

import static dev.modelgate.cases.Drawing.INK;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Ruled tables with a shaded header row: read a cell, count the rows, find the largest. */
final class TableImages {

    private TableImages() {
    }

    /** A departure board: the Lake Express leaves at 09:40 from platform 2. */
    static BufferedImage departures() {
        return table(new String[][] {
                {"TRAIN", "DEPARTS", "PLATFORM"},
                {"BLUE LINE", "06:10", "4"},
                {"LAKE EXPRESS", "09:40", "2"},
                {"HILL SHUTTLE", "13:25", "1"},
                {"CITY LOOP", "17:05", "3"}}, new int[] {20, 300, 450, 640});
    }

    /** A rota of seven people below its header. */
    static BufferedImage rota() {
        return table(new String[][] {
                {"NAME", "SHIFT", "DESK"},
                {"ANITA", "MORNING", "12"},
                {"RAHUL", "MORNING", "14"},
                {"MEERA", "EVENING", "3"},
                {"JOHN", "NIGHT", "7"},
                {"KAVYA", "EVENING", "9"},
                {"SURESH", "NIGHT", "21"},
                {"LINA", "MORNING", "5"}}, new int[] {20, 240, 440, 580});
    }

    /** Meeting rooms by hour; room B at 11:00 is booked by Priya. */
    static BufferedImage bookings() {
        return table(new String[][] {
                {"ROOM", "10:00", "11:00", "12:00"},
                {"A", "RAVI", "-", "MARIA"},
                {"B", "TOM", "PRIYA", "-"},
                {"C", "-", "IMRAN", "ASHA"}}, new int[] {20, 160, 320, 480, 640});
    }

    /** Afternoon temperatures of four cities; Delhi is the highest (38). */
    static BufferedImage cityTemperatures() {
        return table(new String[][] {
                {"CITY", "MAX TEMP (C)"},
                {"BENGALURU", "29"},
                {"CHENNAI", "34"},
                {"DELHI", "38"},
                {"MUMBAI", "31"},
                {"MYSURU", "28"}}, new int[] {20, 300, 580});
    }

    /** A table with lines between every row and column; {@code columns} are the x of the vertical lines. */
    private static BufferedImage table(String[][] rows, int[] columns) {
        int rowHeight = 56;
        int last = columns[columns.length - 1];
        BufferedImage image = Drawing.canvas(last + 20, 20 + rows.length * rowHeight + 20);
        Graphics2D g = Drawing.start(image);
        g.setColor(Drawing.LIGHT);
        g.fillRect(columns[0], 20, last - columns[0], rowHeight);
        g.setColor(INK);
        for (int r = 0; r <= rows.length; r++) {
            g.fillRect(columns[0], 20 + r * rowHeight, last - columns[0] + 2, 2);
        }
        for (int x : columns) {
            g.fillRect(x, 20, 2, rows.length * rowHeight + 2);
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length - 1; c++) {
                PixelFont.draw(g, rows[r][c], columns[c] + 14, 20 + r * rowHeight + 18, 3);
            }
        }
        g.dispose();
        return image;
    }
}
