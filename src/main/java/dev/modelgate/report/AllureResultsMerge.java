package dev.modelgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies the Allure results of several runs into one results directory. Allure's result files are
 * independent JSON files named by a uuid ({@code <uuid>-result.json}, {@code <uuid>-container.json},
 * {@code <uuid>-attachment.<ext>}), so merging is copying, with three rules:
 * <ul>
 *   <li>a file already there with the same bytes is the same file (a directory merged twice): skipped;
 *       a different file under the same uuid gets a new uuid, replaced in every file of its run that
 *       names it, so nothing is overwritten;</li>
 *   <li>the runs' own swap verdict tests (and their attachments, and containers left empty) are left
 *       out: the merge writes the verdict over all runs in their place;</li>
 *   <li>the run files ({@code environment.properties}, {@code categories.json}, {@code executor.json},
 *       {@code history/}) are not copied but merged by {@link #environment} and {@link #categories}.</li>
 * </ul>
 * History ids are kept as written: they name the candidate and the requirement, so the merged
 * report's trends line up with those of a single build.
 */
public final class AllureResultsMerge {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID_FILE = Pattern.compile("([0-9a-fA-F-]{36})-(result\\.json|container\\.json|attachment.*)");
    private static final Set<String> RUN_FILES = Set.of("environment.properties", "categories.json", "executor.json");
    /** Environment entries that describe the machine a run measured on, shown per run in a merge. */
    private static final List<String> HOST_KEYS = List.of("gpu", "gpu.driver", "java", "os", "git.commit");

    private final Path target;
    private int copied;
    private int renamed;
    private int verdictTestsLeftOut;
    private final List<Map<String, String>> environments = new ArrayList<>();
    private final List<JsonNode> categoryFiles = new ArrayList<>();

    public AllureResultsMerge(Path target) {
        this.target = target;
    }

    /** The Allure results directories under {@code dir}: itself when it holds result files, and every {@code allure-results} below. */
    public static List<Path> findAll(Path dir) {
        try (Stream<Path> walk = Files.walk(dir, 6)) {
            return walk.filter(Files::isDirectory).filter(d -> d.equals(dir) ? holdsResults(d)
                    : d.getFileName().toString().equals("allure-results")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static boolean holdsResults(Path d) {
        try (Stream<Path> files = Files.list(d)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith("-result.json"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies one run's results directory into the target. */
    public void add(Path source) {
        try {
            Files.createDirectories(target);
            List<Path> files;
            try (Stream<Path> list = Files.list(source)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            }
            readRunFiles(source);
            Set<String> leftOut = verdictTests(files);
            Map<String, String> renames = new HashMap<>();
            List<Path> kept = new ArrayList<>();
            for (Path f : files) {
                String name = f.getFileName().toString();
                Matcher m = UUID_FILE.matcher(name);
                if (RUN_FILES.contains(name) || !m.matches() || leftOut.contains(m.group(1))) {
                    continue;
                }
                kept.add(f);
                Path there = target.resolve(name);
                if (Files.exists(there) && !Arrays.equals(Files.readAllBytes(there), Files.readAllBytes(f))) {
                    renames.putIfAbsent(m.group(1), UUID.randomUUID().toString());
                }
            }
            for (Path f : kept) {
                String name = f.getFileName().toString();
                Matcher m = UUID_FILE.matcher(name);
                m.matches();
                String uuid = renames.getOrDefault(m.group(1), m.group(1));
                Path to = target.resolve(uuid + "-" + m.group(2));
                if (Files.exists(to)) {
                    continue; // the same bytes: this run's directory was merged before
                }
                if (name.endsWith(".json") && !renames.isEmpty()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    for (Map.Entry<String, String> r : renames.entrySet()) {
                        text = text.replace(r.getKey(), r.getValue());
                    }
                    Files.writeString(to, text, StandardCharsets.UTF_8);
                } else {
                    Files.copy(f, to);
                }
                copied++;
            }
            renamed += renames.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the Allure results of " + source + " into " + target, e);
        }
    }

    /** The uuids of the run's swap verdict tests, of the files they attach, and of containers holding only them. */
    private Set<String> verdictTests(List<Path> files) throws IOException {
        Set<String> out = new HashSet<>();
        Set<String> attachments = new HashSet<>();
        for (Path f : files) {
            if (!f.getFileName().toString().endsWith("-result.json")) {
                continue;
            }
            JsonNode r = JSON.readTree(f.toFile());
            boolean verdict = false;
            for (JsonNode label : r.path("labels")) {
                String name = label.path("name").asText();
                if ((name.equals("feature") || name.equals("suite")) && label.path("value").asText().equals("Swap verdict")) {
                    verdict = true;
                }
            }
            if (verdict) {
                out.add(r.path("uuid").asText());
                verdictTestsLeftOut++;
                r.findValues("source").forEach(s -> attachments.add(s.asText()));
            }
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith("-container.json")) {
                JsonNode c = JSON.readTree(f.toFile());
                List<String> children = new ArrayList<>();
                c.path("children").forEach(ch -> children.add(ch.asText()));
                if (!children.isEmpty() && out.containsAll(children)) {
                    out.add(c.path("uuid").asText());
                    c.findValues("source").forEach(s -> attachments.add(s.asText()));
                }
            } else if (attachments.contains(name)) {
                Matcher m = UUID_FILE.matcher(name);
                if (m.matches()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    private void readRunFiles(Path source) throws IOException {
        Path env = source.resolve("environment.properties");
        if (Files.isRegularFile(env)) {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(env, StandardCharsets.ISO_8859_1)));
            Map<String, String> m = new LinkedHashMap<>();
            p.stringPropertyNames().stream().sorted().forEach(k -> m.put(k, p.getProperty(k)));
            environments.add(m);
        }
        Path categories = source.resolve("categories.json");
        if (Files.isRegularFile(categories)) {
            categoryFiles.add(JSON.readTree(categories.toFile()));
        }
    }

    /**
     * The environment of the merged report: {@code own} (the merge's verdict, baseline, engines), with
     * the facts of the machines the runs measured on (GPU, driver, Java, OS, commit) taken from the
     * runs (each value once, in run order) instead of the merging machine's.
     */
    public Map<String, String> environment(Map<String, String> own) {
        Map<String, String> merged = new LinkedHashMap<>(own);
        for (String key : HOST_KEYS) {
            Set<String> values = new LinkedHashSet<>();
            environments.forEach(e -> {
                if (e.containsKey(key)) {
                    values.add(e.get(key));
                }
            });
            if (!values.isEmpty()) {
                merged.put(key, String.join("; ", values));
            }
        }
        return merged;
    }

    /** {@code categories.json} of the merged report: {@code own} first, then any category a run had that it lacks (by name). */
    public String categories(String own) {
        try {
            ArrayNode all = (ArrayNode) JSON.readTree(own);
            Set<String> names = new HashSet<>();
            all.forEach(c -> names.add(c.path("name").asText()));
            for (JsonNode file : categoryFiles) {
                for (JsonNode c : file) {
                    if (names.add(c.path("name").asText())) {
                        all.add(c);
                    }
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files copied (results, containers, attachments). */
    public int copied() {
        return copied;
    }

    /** Uuids given anew because another run had used them for different content. */
    public int renamed() {
        return renamed;
    }

    /** The runs' own swap verdict tests, left out for the merged verdict. */
    public int verdictTestsLeftOut() {
        return verdictTestsLeftOut;
    }
}
