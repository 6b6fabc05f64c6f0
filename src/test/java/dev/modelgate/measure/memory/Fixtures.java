package dev.modelgate.measure.memory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        for (Answer a : transcript("nvidia-smi/h200-10gib-python-queries.txt")) {
            answers.put(a.command(), a.output());
        }
        return answers;
    }

    /**
     * The answer to {@code command} in the {@code section} (its {@code # } heading starts with it) of
     * the two-GPU capture {@code h200x2-three-holders-captures.txt}.
     */
    public static String twoGpuAnswer(String section, String command) {
        return transcript("nvidia-smi/h200x2-three-holders-captures.txt").stream()
                .filter(a -> a.section().startsWith(section) && a.command().equals(command)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no '" + command + "' in section " + section))
                .output();
    }

    /** A capture transcript: {@code # section} lines (consecutive ones make one section), then {@code $ command} lines each followed by its output. */
    public static List<Answer> transcript(String relative) {
        List<Answer> answers = new ArrayList<>();
        String section = "";
        String command = null;
        boolean inHeading = false;
        StringBuilder out = new StringBuilder();
        for (String line : text(relative).split("\n", -1)) {
            if (line.startsWith("$ ") || line.startsWith("# ")) {
                if (command != null) {
                    answers.add(new Answer(section, command, trimLastBlank(out)));
                    command = null;
                }
                if (line.startsWith("# ")) {
                    section = inHeading ? section + " " + line.substring(2).trim() : line.substring(2).trim();
                    inHeading = true;
                } else {
                    inHeading = false;
                    command = line.substring(2).trim();
                    out.setLength(0);
                }
            } else if (command != null) {
                out.append(line).append('\n');
            }
        }
        if (command != null) {
            answers.add(new Answer(section, command, trimLastBlank(out)));
        }
        return answers;
    }

    /** The transcript puts one blank line after each output; it is not part of the output. */
    private static String trimLastBlank(StringBuilder out) {
        String s = out.toString();
        while (s.endsWith("\n\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.equals("\n") ? "" : s;
    }

    /** One command of a transcript and what it printed. */
    public record Answer(String section, String command, String output) {
    }

    /** The captured answer to modelgate's own compute-apps query ({@code 423, 10758}). */
    public static String capturedComputeApps() {
        return capturedH200Answers().get("nvidia-smi --query-compute-apps=pid,used_memory --format=csv,noheader,nounits");
    }
}
