package dev.modelgate.measure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.ResourceDirs;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.YamlDocuments;
import dev.modelgate.client.ChatRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The prompts of the performance suite: the built-in {@code cases/performance/*.yaml} and those on
 * the class path ({@link ResourceDirs#layers}), merged by id with {@code <modelgate.cases>/performance/*.yaml} (same id: the extra file
 * wins). Each file is validated against {@code performance.schema.json}; exactly one case of each
 * {@link PerformanceCase.Kind} must remain.
 */
public final class PerformancePrompts {

    public static final String SUITE = "performance";
    static final String SCHEMA = "performance";

    private final Map<PerformanceCase.Kind, PerformanceCase> byKind;

    private PerformancePrompts(Map<PerformanceCase.Kind, PerformanceCase> byKind) {
        this.byKind = byKind;
    }

    /**
     * Loads and checks the cases; every problem goes to {@code problems} with its file and field
     * path. The result is only usable when no problem was added.
     */
    public static PerformancePrompts load(Settings settings, Problems problems) {
        Map<String, PerformanceCase> byId = new LinkedHashMap<>();
        ResourceDirs.layers("cases/" + SUITE).forEach(dir -> read(dir, "cases/" + SUITE + "/", byId, problems));
        Optional<Path> extra = settings.get(Settings.CASES).map(d -> Path.of(d, SUITE));
        extra.filter(Files::isDirectory).ifPresent(dir -> read(dir, dir + "/", byId, problems));
        Map<PerformanceCase.Kind, PerformanceCase> byKind = new EnumMap<>(PerformanceCase.Kind.class);
        for (PerformanceCase c : byId.values()) {
            PerformanceCase other = byKind.put(c.kind(), c);
            if (other != null) {
                problems.add(c.source(), "$.kind", "a second case of kind '" + c.kind().yaml() + "' (also "
                        + other.source() + "); the suite uses one per kind: to replace the built-in case, give your"
                        + " file its name ('" + other.id() + ".yaml')");
            }
        }
        for (PerformanceCase.Kind kind : PerformanceCase.Kind.values()) {
            if (!byKind.containsKey(kind)) {
                problems.add("cases/" + SUITE + "/", "$", "no case of kind '" + kind.yaml() + "'; add one (e.g. "
                        + kind.yaml() + ".yaml with kind: " + kind.yaml() + ")");
            }
        }
        return new PerformancePrompts(byKind);
    }

    private static void read(Path dir, String label, Map<String, PerformanceCase> into, Problems problems) {
        for (Path file : ResourceDirs.yamlFiles(dir)) {
            String id = ResourceDirs.stem(file);
            String name = label + file.getFileName();
            Optional<JsonNode> tree = YamlDocuments.read(file, name, SCHEMA, problems);
            tree.ifPresent(t -> into.put(id, PerformanceCase.of(id, t, name)));
        }
    }

    public PerformanceCase get(PerformanceCase.Kind kind) {
        PerformanceCase c = byKind.get(kind);
        if (c == null) {
            throw new IllegalStateException("no performance case of kind '" + kind.yaml()
                    + "' (load reported it; check the problems before using the prompts)");
        }
        return c;
    }

    public PerformanceCase shortPrompt() {
        return get(PerformanceCase.Kind.SHORT);
    }

    /** The request production serves: system prompt, tool definitions and a short user turn. */
    public PerformanceCase voiceTurn() {
        return get(PerformanceCase.Kind.VOICE_TURN);
    }

    public PerformanceCase longPrompt() {
        return get(PerformanceCase.Kind.LONG);
    }

    public PerformanceCase fixedOutput() {
        return get(PerformanceCase.Kind.FIXED_OUTPUT);
    }

    /** The case with the longest prompt: the one the memory requirement must serve. */
    public PerformanceCase longest() {
        return longPrompt();
    }

    /**
     * The longest request of the suite, ready to send: the long prompt sized for
     * {@code servedContext} (as the performance tests size it), behind a unique prefix.
     */
    public ChatRequest longestRequest(OptionalInt servedContext, String uniquePrefix) {
        PerformanceCase c = longest();
        int maxTokens = c.maxTokens(16);
        return c.request(uniquePrefix, maxTokens, servedContext, false);
    }
}
