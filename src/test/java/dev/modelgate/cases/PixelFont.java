package dev.modelgate.cases;

import java.awt.Graphics2D;
import java.util.Locale;
import java.util.Map;

/**
 * A 5×7 dot-matrix font drawn as filled squares. The vision images use it instead of a system
 * font so that they render to the same pixels on every machine, whatever fonts are installed.
 */
final class PixelFont {

    static final int COLUMNS = 5;
    static final int ROWS = 7;

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            glyph('A', ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
            glyph('B', "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."),
            glyph('C', ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."),
            glyph('D', "####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."),
            glyph('E', "#####", "#....", "#....", "####.", "#....", "#....", "#####"),
            glyph('F', "#####", "#....", "#....", "####.", "#....", "#....", "#...."),
            glyph('G', ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###."),
            glyph('H', "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
            glyph('I', ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."),
            glyph('J', "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."),
            glyph('K', "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"),
            glyph('L', "#....", "#....", "#....", "#....", "#....", "#....", "#####"),
            glyph('M', "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"),
            glyph('N', "#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"),
            glyph('O', ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
            glyph('P', "####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
            glyph('Q', ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"),
            glyph('R', "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"),
            glyph('S', ".####", "#....", "#....", ".###.", "....#", "....#", "####."),
            glyph('T', "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
            glyph('U', "#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
            glyph('V', "#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."),
            glyph('W', "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."),
            glyph('X', "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"),
            glyph('Y', "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."),
            glyph('Z', "#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"),
            glyph('0', ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
            glyph('1', "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
            glyph('2', ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
            glyph('3', "#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
            glyph('4', "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
            glyph('5', "#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
            glyph('6', "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
            glyph('7', "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
            glyph('8', ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
            glyph('9', ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
            glyph(' ', ".....", ".....", ".....", ".....", ".....", ".....", "....."),
            glyph(':', ".....", "..#..", "..#..", ".....", "..#..", "..#..", "....."),
            glyph('-', ".....", ".....", ".....", "#####", ".....", ".....", "....."),
            glyph('.', ".....", ".....", ".....", ".....", ".....", ".##..", ".##.."),
            glyph(',', ".....", ".....", ".....", ".....", ".##..", "..#..", ".#..."),
            glyph('(', "...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#."),
            glyph(')', ".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#..."),
            glyph('>', ".#...", "..#..", "...#.", "....#", "...#.", "..#..", ".#..."));

    private PixelFont() {
    }

    private static Map.Entry<Character, String[]> glyph(char c, String... rows) {
        return Map.entry(c, rows);
    }

    /** Width in pixels of {@code text} at {@code scale} (one empty column between letters). */
    static int width(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * (COLUMNS + 1) - 1) * scale;
    }

    static int height(int scale) {
        return ROWS * scale;
    }

    /** Draws {@code text} (upper-cased) with its top-left corner at (x, y) in the current colour. */
    static void draw(Graphics2D g, String text, int x, int y, int scale) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            String[] rows = GLYPHS.get(upper.charAt(i));
            if (rows == null) {
                throw new IllegalArgumentException("no glyph for '" + upper.charAt(i) + "' in \"" + text + "\"");
            }
            int left = x + i * (COLUMNS + 1) * scale;
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLUMNS; c++) {
                    if (rows[r].charAt(c) == '#') {
                        g.fillRect(left + c * scale, y + r * scale, scale, scale);
                    }
                }
            }
        }
    }

    /** Draws {@code text} centred horizontally on {@code centreX}. */
    static void drawCentred(Graphics2D g, String text, int centreX, int y, int scale) {
        draw(g, text, centreX - width(text, scale) / 2, y, scale);
    }
}
