package dev.modelgate.cases;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kannada syllables drawn as bitmaps of filled squares, for the signs of the vision images: no
 * system font is used, so the pixels are the same on every machine. Each syllable (a consonant with
 * its vowel sign, a conjunct with its mark) is one bitmap of {@link #ROWS} rows; row 17 is the
 * base line, the rows below it hold the parts that hang under the line. Only the syllables of the
 * words on the signs are drawn; {@link #draw} refuses any other text.
 */
final class KannadaGlyphs {

    static final int ROWS = 20;

    private static final String[] GA = {
            "........##..", "..........#.", "..........#.", "..........#.", "..........#.", "###########.",
            "..##....##..", ".#.......#..", ".#........#.", "#.........#.", "#.........#.", "#.........#.",
            "#.........#.", "#.........#.", "#.........#.", "#.........#.", "#.........#.", "#.........#."};
    private static final String[] RU = {
            "........##...........", "..........#..........", "..........#..........", "..........#..........",
            "..........#..........", "###########.....##...", "..##....##........#..", ".#.......#.........#.",
            ".#........#........#.", "#.........#.........#", "#.........#.........#", "#.........#.........#",
            "#.........#.........#", "#.........#...#.....#", "#.........#...#.....#", ".#.......#....#....#.",
            "..#.....#......#..#..", "...#####........##..."};
    private static final String[] BE = {
            "...........###.", "..........#...#", "..........#...#", "..........#...#", "..............#",
            "..............#", ".###...########", "#...#.........#", "#...#.........#", "....#.........#",
            "...#..........#", "..#...........#", ".#............#", "#.............#", "#......#......#",
            "#.....#.#.....#", ".#...#...#...#.", "..###.....###.."};
    private static final String[] ANUSVARA = {
            ".........", ".........", ".........", ".........", ".........", ".........", ".........", ".........",
            "..#####..", ".#.....#.", "#.......#", "#.......#", "#.......#", "#.......#", "#.......#", ".#.....#.",
            "..#####.."};
    private static final String[] LLA = {
            "...........#..", "............#.", "............#.", "............#.", "............#.",
            "..###...#####.", ".#...#....#...", "#.....#....#..", "#..##.#....#..", "#.#..##....#..",
            "#..##......#..", ".#.........#..", "..#.......#...", "...#######....", "....#...#.....",
            "....#...#.....", "....#...#.....", ".....###......"};
    private static final String[] UU = {
            "..........", "..........", "..........", "..........", "..........", "...####...", "..#....#..",
            ".#......#.", ".#......#.", "#........#", "#........#", "#...##...#", "#..#..#..#", "#..#..#..#",
            "#...#.#..#", "#.....#..#", ".#....#.#.", "..#....#.."};
    private static final String[] NI = {
            ".............", ".............", "....####.....", "...#....##...", "...#.##...#..", "...#..#....#.",
            "....##......#", "............#", "............#", "............#", ".##.........#", "#..#........#",
            "#...#.......#", "#...#.......#", "#...#.......#", "#...#......#.", "#....#....#..", "#.....####...",
            ".#...........", "..#.........."};
    private static final String[] NA = {
            "........##...", "..........#..", "..........#..", "..........#..", "..........#..", "###########..",
            ".......#.....", "........#....", ".........#...", "..........#..", ".##........#.", "#..#.......#.",
            "#...#......#.", "#...#......#.", "#...#......#.", "#...#......#.", "#....#....#..", "#.....####...",
            ".#...........", "..#.........."};
    private static final String[] MA = {
            "........##............", "..........#...........", "..........#...........",
            "..........#...........", "..........#...........", "###########......##...",
            "......#............#..", ".......#............#.", "........#...........#.",
            ".........#...........#", ".........#...........#", ".........#...........#",
            ".##......#...........#", "#..#.....#...........#", "#...#....#...#.......#",
            "#...#..#.#...#.......#", ".#.#..#..#....#.....#.", "..#.##...#.....#####.."};
    private static final String[] ARKAVOTTU = {
            ".......", ".......", ".......", ".......", ".......", "######.", "#......", "#......", "#......",
            "#......", "#####..", "#......", "#......", "#......", "#......", ".#.....", "..#...."};

    /** Each syllable as it is written in text, and its bitmap in the order it is drawn. */
    private static final Map<String, String[]> SYLLABLES = syllables();

    private KannadaGlyphs() {
    }

    private static Map<String, String[]> syllables() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("ಬೆಂ", beside(BE, 3, ANUSVARA));
        m.put("ಗ", pad(GA));
        m.put("ಳೂ", beside(LLA, 1, UU));
        m.put("ರು", pad(RU));
        m.put("ನಿ", pad(NI));
        m.put("ರ್ಗ", beside(GA, 1, ARKAVOTTU));
        m.put("ಮ", pad(MA));
        m.put("ನ", pad(NA));
        return Map.copyOf(m);
    }

    /** {@code left} and {@code right} side by side with {@code gap} empty columns between them. */
    private static String[] beside(String[] left, int gap, String[] right) {
        String[] a = pad(left);
        String[] b = pad(right);
        String[] out = new String[ROWS];
        for (int r = 0; r < ROWS; r++) {
            out[r] = a[r] + ".".repeat(gap) + b[r];
        }
        return out;
    }

    /** The bitmap with empty rows added below it up to {@link #ROWS}; every row must be as wide as the first. */
    private static String[] pad(String[] rows) {
        int width = rows[0].length();
        String[] out = Arrays.copyOf(rows, ROWS);
        for (int r = 0; r < ROWS; r++) {
            if (out[r] == null) {
                out[r] = ".".repeat(width);
            } else if (out[r].length() != width) {
                throw new IllegalStateException("row " + r + " of a Kannada glyph is " + out[r].length()
                        + " wide, the first row " + width);
            }
        }
        return out;
    }

    /** The syllables of {@code text}, longest match first; spaces are kept as they are. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            if (text.charAt(at) == ' ') {
                out.add(" ");
                at++;
                continue;
            }
            String found = null;
            for (String s : SYLLABLES.keySet()) {
                if (text.startsWith(s, at) && (found == null || s.length() > found.length())) {
                    found = s;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("no Kannada glyph for '" + text.substring(at) + "' in \"" + text + "\"");
            }
            out.add(found);
            at += found.length();
        }
        return out;
    }

    private static int columns(String syllable) {
        return syllable.equals(" ") ? 8 : SYLLABLES.get(syllable)[0].length();
    }

    /** Width in pixels of {@code text} at {@code scale} (two empty columns between syllables). */
    static int width(String text, int scale) {
        List<String> parts = split(text);
        int columns = parts.stream().mapToInt(KannadaGlyphs::columns).sum() + 2 * (parts.size() - 1);
        return columns * scale;
    }

    static int height(int scale) {
        return ROWS * scale;
    }

    /**
     * Draws {@code text} with the top-left corner of its rows at (x, y) in the current colour. Each
     * cell is drawn half as large again as the grid, so that strokes come out bold.
     */
    static void draw(Graphics2D g, String text, int x, int y, int scale) {
        int left = x;
        int pen = scale + scale / 2;
        for (String syllable : split(text)) {
            if (!syllable.equals(" ")) {
                String[] rows = SYLLABLES.get(syllable);
                for (int r = 0; r < ROWS; r++) {
                    for (int c = 0; c < rows[r].length(); c++) {
                        if (rows[r].charAt(c) == '#') {
                            g.fillRect(left + c * scale, y + r * scale, pen, pen);
                        }
                    }
                }
            }
            left += (columns(syllable) + 2) * scale;
        }
    }

    static void drawCentred(Graphics2D g, String text, int centreX, int y, int scale) {
        draw(g, text, centreX - width(text, scale) / 2, y, scale);
    }
}
