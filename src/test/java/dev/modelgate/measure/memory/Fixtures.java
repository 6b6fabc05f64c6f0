package dev.modelgate.measure.memory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The files under {@code src/test/resources/fixtures/} (see the README there for their provenance). */
public final class Fixtures {

    private Fixtures() {
    }

    public static String text(String relative) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The captured H200 answers, by command line: {@code h200-10gib-python-queries.txt} holds each
     * command on a {@code $ } line followed by its output.
     */
    public static Map<String, String> capturedH200Answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        String command = null;
        StringBuilder out = new StringBuilder();
        for (String line : text("nvidia-smi/h200-10gib-python-queries.txt").split("\n", -1)) {
            if (line.startsWith("$ ")) {
                if (command != null) {
                    answers.put(command, out.toString());
                }
                command = line.substring(2).trim();
                out.setLength(0);
            } else if (command != null) {
                out.append(line).append('\n');
            }
        }
        if (command != null) {
            answers.put(command, out.toString());
        }
        return answers;
    }

    /** The captured answer to modelgate's own compute-apps query ({@code 423, 10758}). */
    public static String capturedComputeApps() {
        return capturedH200Answers().get("nvidia-smi --query-compute-apps=pid,used_memory --format=csv,noheader,nounits");
    }
}
