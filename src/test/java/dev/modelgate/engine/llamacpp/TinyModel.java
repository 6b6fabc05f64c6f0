package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.ResourceDirs;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import dev.modelgate.engine.EngineContext;
import dev.modelgate.engine.EngineSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The shipped default candidate and what the tests need to boot it. */
final class TinyModel {

    /** Shared by all tests of a build, so the native library is extracted once. */
    static final Path CACHE = Path.of("target", "modelgate-test-cache").toAbsolutePath();

    private TinyModel() {
    }

    /** {@code models/stories-260k.yaml} as the catalogue reads it (schema-validated). */
    static Candidate candidate() {
        Map<String, Candidate> all = new HashMap<>();
        Problems problems = new Problems();
        CatalogLoader.loadCandidates(ResourceDirs.builtin("models").orElseThrow(), "models/", all, problems);
        assertThat(problems.list()).isEmpty();
        return all.get("stories-260k");
    }

    static Settings settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put(EngineSettings.CACHE, CACHE.toString());
        return Settings.ofMap(values);
    }

    static Context context(Path workDir, Map<String, String> settings, Optional<Secret> apiKey) {
        List<String> console = new CopyOnWriteArrayList<>();
        EngineContext context = new EngineContext(settings(settings), workDir, apiKey, line -> {
            console.add(line);
            System.out.println(line);
        });
        return new Context(context, console);
    }

    record Context(EngineContext engine, List<String> console) {
    }

    /** Live processes whose command line mentions {@code text} (e.g. a test's own work directory). */
    static List<ProcessHandle> processesMentioning(String text) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
    }
}
