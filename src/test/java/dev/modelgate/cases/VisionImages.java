package dev.modelgate.cases;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the images of the built-in vision cases, one class per kind of picture. Everything is drawn
 * without anti-aliasing, with {@link PixelFont} for Latin letters and digits and {@link KannadaGlyphs}
 * for Kannada script, so a fresh render equals the committed files pixel for pixel
 * ({@code VisionImagesTest} checks it). Run {@link #main} to write them again after a change:
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=dev.modelgate.cases.VisionImages
 * -Dexec.classpathScope=test}.
 */
public final class VisionImages {

    private VisionImages() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/dev/modelgate/builtin/cases/vision");
        Files.createDirectories(dir);
        for (Map.Entry<String, BufferedImage> e : renderAll().entrySet()) {
            Path file = dir.resolve(e.getKey());
            ImageIO.write(indexed(e.getValue()), "png", file.toFile());
            System.out.println("wrote " + file);
        }
    }

    /**
     * The image with a palette of its own colours instead of three bytes a pixel: the drawings have
     * a handful of colours (nothing is anti-aliased), so the files come out several times smaller.
     */
    static BufferedImage indexed(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, Integer> index = new LinkedHashMap<>();
        for (int p : pixels) {
            index.putIfAbsent(p, index.size());
        }
        if (index.size() > 256) {
            throw new IllegalStateException(index.size() + " colours do not fit a palette of 256");
        }
        int bits = index.size() <= 2 ? 1 : index.size() <= 4 ? 2 : index.size() <= 16 ? 4 : 8;
        int[] palette = index.keySet().stream().mapToInt(Integer::intValue).toArray();
        IndexColorModel model = new IndexColorModel(bits, palette.length, palette, 0, false, -1, DataBuffer.TYPE_BYTE);
        BufferedImage out = new BufferedImage(w, h, bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED
                : BufferedImage.TYPE_BYTE_BINARY, model);
        WritableRaster raster = out.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, index.get(pixels[y * w + x]));
            }
        }
        return out;
    }

    /** Every image by file name. */
    static Map<String, BufferedImage> renderAll() {
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        images.put("solar-bar-chart.png", ChartImages.solarOutput());
        images.put("rainfall-lowest-bar.png", ChartImages.rainfall());
        images.put("visitors-bar-difference.png", ChartImages.visitors());
        images.put("temperature-line-peak.png", ChartImages.temperature());
        images.put("tomato-price-line.png", ChartImages.tomatoPrice());
        images.put("clock-face.png", ClockImages.clock(3, 40, ClockImages.CREAM));
        images.put("clock-quarter-past-nine.png", ClockImages.clock(9, 15, new Color(0xE8, 0xF1, 0xFA)));
        images.put("clock-half-past-six.png", ClockImages.clock(6, 30, new Color(0xEE, 0xF7, 0xE8)));
        images.put("clock-quarter-to-eight.png", ClockImages.clock(7, 45, new Color(0xFA, 0xEC, 0xEC)));
        images.put("train-table.png", TableImages.departures());
        images.put("rota-row-count.png", TableImages.rota());
        images.put("room-bookings.png", TableImages.bookings());
        images.put("city-temperatures.png", TableImages.cityTemperatures());
        images.put("gate-sign.png", SignImages.gateClosed());
        images.put("pharmacy-hours.png", SignImages.pharmacyHours());
        images.put("speed-limit.png", SignImages.speedLimit());
        images.put("bus-stand-bengaluru.png", SignImages.busStand());
        images.put("exit-sign-kannada.png", SignImages.exitLeft());
        images.put("platform-board.png", SignImages.platforms());
        images.put("road-distances.png", SignImages.distances());
        images.put("bakery-sign.png", SignImages.bakery());
        images.put("coloured-shapes.png", ShapeImages.colouredShapes());
        images.put("star-count.png", ShapeImages.stars());
        images.put("bus-queue.png", ShapeImages.queue());
        images.put("which-shape-red.png", ShapeImages.whichIsRed());
        images.put("blue-balloons.png", ShapeImages.balloons());
        images.put("arrow-to-box.png", DiagramImages.arrowToBox());
        images.put("floor-plan.png", DiagramImages.floorPlan());
        images.put("process-flow.png", DiagramImages.flow());
        images.put("traffic-light.png", DiagramImages.trafficLight());
        images.put("thermometer.png", GaugeImages.thermometer());
        images.put("speedometer.png", GaugeImages.speedometer());
        images.put("calendar-circled-date.png", PaperImages.calendar());
        images.put("cafe-receipt.png", PaperImages.receipt());
        return images;
    }
}
