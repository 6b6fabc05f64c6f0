package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.ResourceDirs;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every quality case of a run: the built-in cases and those of {@code cases/<suite>/} on the class
 * path ({@link ResourceDirs#layers}) merged by id with those of {@code modelgate.cases} (same id: the extra case wins), and the
 * tool-calling cases of the Berkeley Function Calling Leaderboard's files in {@code modelgate.bfcl}
 * ({@link BfclCases}).
 */
public record QualityCases(List<ToolCallingCase> toolCalling, List<EntityCase> entities,
                           List<EntityCase> kannadaEntities, List<NativeResponseCase> kannadaNative,
                           List<VisionCase> vision) {

    /** Setting: how many cases of a suite are in flight at once (default {@value #DEFAULT_CONCURRENCY}). */
    public static final String CONCURRENCY = "modelgate.caseConcurrency";
    public static final int DEFAULT_CONCURRENCY = 4;

    /**
     * Setting: a regular expression; only the cases whose {@code <suite>/<id>} it matches whole run
     * (e.g. {@code tool-calling/.*} or {@code (entities|kannada)/.*}). Default: every case.
     */
    public static final String FILTER = "modelgate.caseFilter";

    /** Directories under a cases directory that other parts of modelgate read. */
    private static final List<String> OTHER_SUITES = List.of("performance");

    /** The schema of a case template file ({@code <name>.template.yaml}) of any suite. */
    private static final String TEMPLATE_SCHEMA = "cases/template";

    public QualityCases {
        toolCalling = List.copyOf(toolCalling);
        entities = List.copyOf(entities);
        kannadaEntities = List.copyOf(kannadaEntities);
        kannadaNative = List.copyOf(kannadaNative);
        vision = List.copyOf(vision);
    }

    /**
     * Reads and checks every case file; each problem (file, field path, what was expected) goes to
     * {@code problems}. The result is only meaningful when no problem was added.
     */
    public static QualityCases load(Settings settings, Problems problems) {
        Map<Suite, Map<String, Object>> bySuite = new EnumMap<>(Suite.class);
        for (Suite s : Suite.values()) {
            bySuite.put(s, new TreeMap<>());
        }
        ResourceDirs.layers("cases").forEach(root -> readRoot(root, "cases/", bySuite, problems));
        settings.get(Settings.CASES).map(Path::of).ifPresent(root -> {
            if (!Files.isDirectory(root)) {
                problems.add(Settings.CASES + "=" + root, "$", "is not a directory; expected a directory with suite"
                        + " directories such as tool-calling/ and vision/");
            } else {
                readRoot(root, root + "/", bySuite, problems);
            }
        });
        BfclCases.load(settings, problems).forEach(c -> bySuite.get(Suite.TOOL_CALLING).put(c.id(), c));
        List<ToolCallingCase> tools = new ArrayList<>();
        List<EntityCase> entities = new ArrayList<>();
        List<EntityCase> kannadaEntities = new ArrayList<>();
        List<NativeResponseCase> kannadaNative = new ArrayList<>();
        List<VisionCase> vision = new ArrayList<>();
        bySuite.get(Suite.TOOL_CALLING).values().forEach(c -> tools.add((ToolCallingCase) c));
        bySuite.get(Suite.ENTITIES).values().forEach(c -> entities.add((EntityCase) c));
        bySuite.get(Suite.KANNADA).values().forEach(c -> {
            if (c instanceof EntityCase e) {
                kannadaEntities.add(e);
            } else {
                kannadaNative.add((NativeResponseCase) c);
            }
        });
        bySuite.get(Suite.VISION).values().forEach(c -> vision.add((VisionCase) c));
        QualityCases all = new QualityCases(tools, entities, kannadaEntities, kannadaNative, vision);
        return settings.get(FILTER).flatMap(QualityCases::pattern).map(all::only).orElse(all);
    }

    /** The filter's pattern; one that does not compile is reported by the settings check before any case runs. */
    private static Optional<java.util.regex.Pattern> pattern(String regex) {
        try {
            return Optional.of(java.util.regex.Pattern.compile(regex));
        } catch (java.util.regex.PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** The cases whose {@code <suite>/<id>} the pattern matches whole. */
    private QualityCases only(java.util.regex.Pattern filter) {
        java.util.function.BiPredicate<Suite, String> keep = (suite, id) ->
                filter.matcher(suite.directory() + "/" + id).matches();
        return new QualityCases(
                toolCalling.stream().filter(c -> keep.test(Suite.TOOL_CALLING, c.id())).toList(),
                entities.stream().filter(c -> keep.test(Suite.ENTITIES, c.id())).toList(),
                kannadaEntities.stream().filter(c -> keep.test(Suite.KANNADA, c.id())).toList(),
                kannadaNative.stream().filter(c -> keep.test(Suite.KANNADA, c.id())).toList(),
                vision.stream().filter(c -> keep.test(Suite.VISION, c.id())).toList());
    }

    /** Loads the cases, throwing a {@link dev.modelgate.catalog.CatalogException} that lists every problem. */
    public static QualityCases load(Settings settings) {
        Problems problems = new Problems();
        QualityCases cases = load(settings, problems);
        problems.throwIfAny();
        return cases;
    }

    private static void readRoot(Path root, String label, Map<Suite, Map<String, Object>> into, Problems problems) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            Optional<Suite> suite = Suite.ofDirectory(name);
            if (Files.isDirectory(entry) && suite.isPresent()) {
                readSuite(root, entry, label, suite.get(), into.get(suite.get()), problems);
            } else if (Files.isDirectory(entry) && !OTHER_SUITES.contains(name)) {
                problems.add(label + name + "/", "$", "is not a suite directory; suites: " + suiteNames());
            } else if (YamlDocuments.isYaml(entry)) {
                problems.add(label + name, "$", "a case file belongs in a suite directory (" + suiteNames() + ")");
            }
        }
    }

    private static void readSuite(Path root, Path dir, String label, Suite suite, Map<String, Object> into,
                                  Problems problems) {
        Map<String, String> seen = new HashMap<>();
        Map<String, Object> read = new LinkedHashMap<>();
        for (Path file : ResourceDirs.yamlFiles(dir)) {
            String name = file.getFileName().toString();
            String display = label + suite.directory() + "/" + name;
            if (CaseTemplate.isTemplate(name)) {
                readTemplate(root, file, display, suite, seen, read, problems);
                continue;
            }
            String id = ResourceDirs.stem(file);
            if (!claim(seen, id, display, "$", problems)) {
                continue;
            }
            CaseFile source = new CaseFile(id, file, root, display);
            YamlDocuments.read(file, display, suite.schemaName(), problems)
                    .flatMap(tree -> readCase(suite, source, tree, problems))
                    .ifPresent(c -> read.put(id, c));
        }
        into.putAll(read);
    }

    /**
     * Each row of a template is read as a case of its own; its problems name the template file, the
     * row and the field of the template ({@code row 'ten-minutes' ($.rows[3]) $.template.expect…}).
     */
    private static void readTemplate(Path root, Path file, String display, Suite suite, Map<String, String> seen,
                                     Map<String, Object> read, Problems problems) {
        String fileId = CaseTemplate.fileId(file.getFileName().toString());
        Optional<JsonNode> document = YamlDocuments.read(file, display, TEMPLATE_SCHEMA, problems);
        if (document.isEmpty()) {
            return;
        }
        for (CaseTemplate.Row row : CaseTemplate.expand(document.get(), display, problems)) {
            String id = fileId + "-" + row.id();
            if (!claim(seen, id, display, row.at(), problems)) {
                continue;
            }
            Problems own = new Problems();
            YamlDocuments.validate(row.tree(), display, suite.schemaName(), own);
            Optional<?> c = own.list().isEmpty()
                    ? readCase(suite, new CaseFile(id, file, root, display + " " + row.at()), row.tree(), own)
                    : Optional.empty();
            own.list().forEach(p -> problems.add(display, row.at() + " " + templatePath(p.path()), p.message()));
            c.ifPresent(x -> read.put(id, x));
        }
    }

    /** A field path of an expanded row ({@code $.expect}) as a path of the template file ({@code $.template.expect}). */
    private static String templatePath(String path) {
        return path.startsWith("$") ? "$.template" + path.substring(1) : path;
    }

    private static boolean claim(Map<String, String> seen, String id, String display, String at, Problems problems) {
        String other = seen.putIfAbsent(id, display);
        if (other != null) {
            problems.add(display, at, "duplicate case id '" + id + "': also defined by " + other);
            return false;
        }
        return true;
    }

    private static Optional<?> readCase(Suite suite, CaseFile source, JsonNode tree, Problems problems) {
        return switch (suite) {
            case TOOL_CALLING -> ToolCallingCaseReader.read(source, tree, problems);
            case ENTITIES -> EntityCaseReader.read(source, tree, problems);
            case KANNADA -> KannadaCaseReader.read(source, tree, problems);
            case VISION -> VisionCaseReader.read(source, tree, problems);
        };
    }

    private static String suiteNames() {
        return String.join(", ", Stream.of(Suite.values()).map(Suite::directory).toList());
    }
}
