package dev.modelgate.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tool-calling cases read from the Berkeley Function Calling Leaderboard's own data files: a
 * question file {@code BFCL_v<N>_<category>.json} and, except for the irrelevance categories, its
 * {@code possible_answer/BFCL_v<N>_<category>.json}, both one JSON object per line. Each question
 * becomes a case {@code bfcl-<id>} graded by the leaderboard's rules ({@link BfclValues},
 * {@link BfclFunctions}) with the tool-calling grader: the function name exact, every required
 * parameter present, no parameter without possible answers, a parameter left out only when
 * {@code ""} is among its possible answers, an integer accepted for a float, and the right number
 * of calls matched in any order.
 */
public final class BfclCases {

    /** Setting: the directory holding the leaderboard's data files. */
    public static final String DIRECTORY = "modelgate.bfcl";
    /** Setting: the categories to read, comma-separated (default {@link #DEFAULT_CATEGORIES}). */
    public static final String CATEGORIES = "modelgate.bfclCategories";

    static final List<String> DEFAULT_CATEGORIES = List.of("simple", "multiple", "parallel", "parallel_multiple",
            "irrelevance");

    /** Each category read, as the case category it becomes. */
    private static final Map<String, String> READ = Map.of("simple", "simple", "multiple", "multiple",
            "parallel", "parallel", "parallel_multiple", "parallel-multiple", "irrelevance", "irrelevance",
            "live_simple", "simple", "live_multiple", "multiple", "live_parallel", "parallel",
            "live_parallel_multiple", "parallel-multiple", "live_irrelevance", "irrelevance");

    private static final Pattern FILE = Pattern.compile("BFCL_v(\\d+)_([a-z_]+)\\.json");

    private final Path dir;
    private final Problems problems;

    private BfclCases(Path dir, Problems problems) {
        this.dir = dir;
        this.problems = problems;
    }

    /**
     * The cases of {@value #DIRECTORY}, none when it is not set; each problem (a missing file, a line
     * that is not JSON, a field of the wrong shape, a question without an answer) goes to
     * {@code problems} with the file, the line and the field.
     */
    public static List<ToolCallingCase> load(Settings settings, Problems problems) {
        Optional<String> setting = settings.get(DIRECTORY);
        if (setting.isEmpty()) {
            return List.of();
        }
        Path dir = Path.of(setting.get());
        if (!Files.isDirectory(dir)) {
            problems.add(DIRECTORY + "=" + dir, "$", "is not a directory; expected the leaderboard's data directory"
                    + " (bfcl_eval/data of the gorilla repository or of the bfcl-eval package), which holds files such"
                    + " as BFCL_v4_simple_python.json and possible_answer/");
            return List.of();
        }
        List<String> categories = categories(settings.get(CATEGORIES).orElse(String.join(",", DEFAULT_CATEGORIES)),
                problems);
        return new BfclCases(dir, problems).read(categories);
    }

    private static List<String> categories(String value, Problems problems) {
        List<String> out = new ArrayList<>();
        for (String raw : value.split(",")) {
            String c = raw.strip().toLowerCase(Locale.ROOT).replace('-', '_');
            if (c.isEmpty()) {
                continue;
            }
            if (READ.containsKey(c)) {
                out.add(c);
            } else {
                problems.add(CATEGORIES + "=" + value, "$", "'" + raw.strip() + "' " + notRead(c) + "; categories read: "
                        + String.join(", ", READ.keySet().stream().sorted().toList()));
            }
        }
        return out;
    }

    private static String notRead(String category) {
        if (category.startsWith("multi_turn")) {
            return "is a multi-turn category: the leaderboard grades it by running the calls against its own"
                    + " back-ends (file system, trading, travel, …) and comparing their state, which modelgate does not"
                    + " do";
        }
        if (category.contains("java") || category.contains("javascript")) {
            return "is graded on Java or JavaScript source text in the arguments, which modelgate does not do";
        }
        if (category.equals("live_relevance")) {
            return "has no possible answers (any call passes), which the tool-calling grader does not express";
        }
        if (category.startsWith("web_search") || category.startsWith("memory") || category.startsWith("format")) {
            return "is an agentic category that needs the leaderboard's own tools run between steps";
        }
        return "is not a category of the leaderboard that modelgate reads";
    }

    private List<ToolCallingCase> read(List<String> categories) {
        Map<String, Path> files = newestFiles();
        List<ToolCallingCase> cases = new ArrayList<>();
        for (String category : categories) {
            // Release 4 renamed simple to simple_python; take the newer of the two.
            Path questions = category.equals("simple") ? newer(files.get("simple_python"), files.get("simple"))
                    : files.get(category);
            if (questions == null) {
                problems.add(DIRECTORY + "=" + dir, "$", "has no BFCL_v<N>_" + (category.equals("simple")
                        ? "simple_python" : category) + ".json for category " + category + "; copy it from the"
                        + " leaderboard's data directory, or leave the category out of " + CATEGORIES);
                continue;
            }
            cases.addAll(readCategory(category, questions));
        }
        return cases;
    }

    private static Path newer(Path a, Path b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return version(a) >= version(b) ? a : b;
    }

    private static int version(Path file) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Question files by category, the newest version where several are present. */
    private Map<String, Path> newestFiles() {
        Map<String, Path> files = new HashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.sorted().toList()) {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (Files.isRegularFile(f) && m.matches()) {
                    int version = Integer.parseInt(m.group(1));
                    if (version > versions.getOrDefault(m.group(2), -1)) {
                        versions.put(m.group(2), version);
                        files.put(m.group(2), f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private List<ToolCallingCase> readCategory(String category, Path questionFile) {
        String name = questionFile.getFileName().toString();
        String display = dir + "/" + name;
        Map<String, Line> questions = lines(questionFile, display);
        boolean irrelevance = READ.get(category).equals("irrelevance");
        Map<String, Line> answers = new LinkedHashMap<>();
        String answerDisplay = dir + "/possible_answer/" + name;
        if (!irrelevance) {
            Path answerFile = dir.resolve("possible_answer").resolve(name);
            if (!Files.isRegularFile(answerFile)) {
                problems.add(answerDisplay, "$", "is missing: the possible answers of " + name + " are needed to grade"
                        + " its questions; copy possible_answer/ from the leaderboard's data directory");
                return List.of();
            }
            answers = lines(answerFile, answerDisplay);
            for (String id : answers.keySet()) {
                if (!questions.containsKey(id)) {
                    problems.add(answerDisplay, "line " + answers.get(id).number() + " $.id", "'" + id + "' has no"
                            + " question in " + name);
                }
            }
        }
        List<ToolCallingCase> cases = new ArrayList<>();
        for (Line q : questions.values()) {
            Line a = answers.get(q.id());
            if (!irrelevance && a == null) {
                problems.add(display, "line " + q.number() + " $.id", "'" + q.id() + "' has no line in possible_answer/"
                        + name + "; a question cannot be graded without its possible answers");
                continue;
            }
            BfclCase.read(new BfclCase.Source(category, READ.get(category), q, display, a, answerDisplay,
                    questionFile, dir), problems).ifPresent(cases::add);
        }
        return cases;
    }

    /** One line of a data file: its number (from 1), its id and its JSON object. */
    record Line(int number, String id, JsonNode json) {
    }

    private Map<String, Line> lines(Path file, String display) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(display, "$", "cannot be read: " + e.getMessage());
            return Map.of();
        }
        Map<String, Line> out = new LinkedHashMap<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            if (line.isBlank()) {
                continue;
            }
            String at = "line " + (i + 1);
            JsonNode json;
            try {
                json = YamlDocuments.JSON.readTree(line);
            } catch (JsonProcessingException e) {
                problems.add(display, at, "not valid JSON: " + e.getOriginalMessage() + "; each line holds one JSON"
                        + " object");
                continue;
            }
            JsonNode id = json.get("id");
            if (!json.isObject() || id == null || !id.isTextual() || id.asText().isBlank()) {
                problems.add(display, at + " $.id", "is missing; each line is an object with a string id");
                continue;
            }
            Line earlier = out.putIfAbsent(id.asText(), new Line(i + 1, id.asText(), json));
            if (earlier != null) {
                problems.add(display, at + " $.id", "'" + id.asText() + "' is also the id of line " + earlier.number());
            }
        }
        return out;
    }
}
