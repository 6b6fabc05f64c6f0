package dev.modelgate.cases;

import static dev.modelgate.cases.Drawing.PAPER;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Notices, road signs and station boards, in English and in Kannada script. */
final class SignImages {

    private static final Color SIGN_RED = new Color(0xC6, 0x28, 0x28);
    private static final Color ROAD_GREEN = new Color(0x1B, 0x6B, 0x3A);
    private static final Color NAVY = new Color(0x1A, 0x2E, 0x5A);
    private static final String BENGALURU = "ಬೆಂಗಳೂರು";
    private static final String EXIT = "ನಿರ್ಗಮನ";

    private SignImages() {
    }

    /** A red notice: gate 3 is closed, use gate 5. */
    static BufferedImage gateClosed() {
        BufferedImage image = Drawing.canvas(640, 360);
        Graphics2D g = board(image, Drawing.GREY, SIGN_RED);
        PixelFont.drawCentred(g, "GATE 3 CLOSED", 320, 84, 6);
        PixelFont.drawCentred(g, "FOR REPAIRS", 320, 160, 5);
        PixelFont.drawCentred(g, "PLEASE USE GATE 5 >", 320, 240, 4);
        g.dispose();
        return image;
    }

    /** A shop's hours: open 8 AM to 10 PM, closed on Sunday. */
    static BufferedImage pharmacyHours() {
        BufferedImage image = Drawing.canvas(640, 360);
        Graphics2D g = board(image, Drawing.GREY, new Color(0x13, 0x6F, 0x63));
        PixelFont.drawCentred(g, "CITY PHARMACY", 320, 84, 6);
        PixelFont.drawCentred(g, "OPEN 8 AM - 10 PM", 320, 170, 4);
        PixelFont.drawCentred(g, "CLOSED ON SUNDAY", 320, 240, 4);
        g.dispose();
        return image;
    }

    /** A round speed-limit sign: 40. */
    static BufferedImage speedLimit() {
        BufferedImage image = Drawing.canvas(480, 480);
        Graphics2D g = Drawing.start(image);
        g.setColor(SIGN_RED);
        g.fillOval(40, 40, 400, 400);
        g.setColor(PAPER);
        g.fillOval(96, 96, 288, 288);
        g.setColor(Drawing.INK);
        PixelFont.drawCentred(g, "40", 240, 240 - PixelFont.height(16) / 2, 16);
        g.dispose();
        return image;
    }

    /** A bus-stand board naming the city in Kannada script and in English. */
    static BufferedImage busStand() {
        BufferedImage image = Drawing.canvas(720, 420);
        Graphics2D g = board(image, Drawing.GREY, NAVY);
        PixelFont.drawCentred(g, "BUS STAND", 360, 70, 4);
        KannadaGlyphs.drawCentred(g, BENGALURU, 360, 130, 5);
        PixelFont.drawCentred(g, "BENGALURU", 360, 270, 7);
        g.dispose();
        return image;
    }

    /** An exit sign in Kannada only, its arrow pointing left. */
    static BufferedImage exitLeft() {
        BufferedImage image = Drawing.canvas(780, 300);
        Graphics2D g = board(image, Drawing.GREY, new Color(0x0E, 0x8A, 0x3E));
        Drawing.arrow(g, 200, 150, 80, 150, 12);
        KannadaGlyphs.draw(g, EXIT, 240, 150 - KannadaGlyphs.height(6) / 2 + 12, 6);
        g.dispose();
        return image;
    }

    /** A station board: the train to Bengaluru (written in Kannada) leaves from platform 3. */
    static BufferedImage platforms() {
        BufferedImage image = Drawing.canvas(720, 440);
        Graphics2D g = board(image, Drawing.GREY, NAVY);
        PixelFont.draw(g, "TRAIN TO", 90, 76, 4);
        PixelFont.draw(g, "PLATFORM", 450, 76, 4);
        g.fillRect(80, 116, 560, 4);
        PixelFont.draw(g, "MYSURU", 90, 150, 4);
        PixelFont.drawCentred(g, "1", 540, 150, 4);
        KannadaGlyphs.draw(g, BENGALURU, 90, 210, 3);
        PixelFont.drawCentred(g, "3", 540, 226, 4);
        PixelFont.draw(g, "CHENNAI", 90, 320, 4);
        PixelFont.drawCentred(g, "5", 540, 320, 4);
        g.dispose();
        return image;
    }

    /** A road sign of distances; the first place is written in Kannada only: Bengaluru 42 km. */
    static BufferedImage distances() {
        BufferedImage image = Drawing.canvas(720, 420);
        Graphics2D g = board(image, Drawing.GREY, ROAD_GREEN);
        KannadaGlyphs.draw(g, BENGALURU, 90, 66, 3);
        PixelFont.draw(g, "42 KM", 470, 84, 5);
        PixelFont.draw(g, "MYSURU", 90, 196, 5);
        PixelFont.draw(g, "103 KM", 470, 196, 5);
        PixelFont.draw(g, "OOTY", 90, 290, 5);
        PixelFont.draw(g, "250 KM", 470, 290, 5);
        g.dispose();
        return image;
    }

    /** A bakery's sign, its name in Kannada script, open from 7 AM to 9 PM. */
    static BufferedImage bakery() {
        BufferedImage image = Drawing.canvas(720, 440);
        Graphics2D g = board(image, Drawing.GREY, new Color(0x8A, 0x4B, 0x16));
        KannadaGlyphs.drawCentred(g, BENGALURU, 360, 64, 5);
        PixelFont.drawCentred(g, "BAKERY", 360, 196, 7);
        PixelFont.drawCentred(g, "OPEN 7 AM - 9 PM", 360, 300, 5);
        g.dispose();
        return image;
    }

    /**
     * A board: {@code surround} around the edge, a white rim, {@code colour} inside; returns the
     * graphics with white selected for the text.
     */
    private static Graphics2D board(BufferedImage image, Color surround, Color colour) {
        int w = image.getWidth();
        int h = image.getHeight();
        Graphics2D g = Drawing.start(image);
        g.setColor(surround);
        g.fillRect(0, 0, w, h);
        g.setColor(PAPER);
        g.fillRect(40, 40, w - 80, h - 80);
        g.setColor(colour);
        g.fillRect(52, 52, w - 104, h - 104);
        g.setColor(PAPER);
        return g;
    }
}
