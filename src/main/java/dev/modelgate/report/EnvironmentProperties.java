package dev.modelgate.report;

import dev.modelgate.verdict.EngineRecord;
import dev.modelgate.verdict.ResultFile;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.verdict.CandidateVerdict;
import dev.modelgate.verdict.Format;
import dev.modelgate.verdict.Outcome;
import dev.modelgate.verdict.Verdict;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code environment.properties}, shown on the report's overview: the verdict per candidate, the
 * baseline and its provenance, the engines and their versions (from the result files), the GPU and
 * driver when known, Java, the operating system and the git commit.
 */
public final class EnvironmentProperties {

    private EnvironmentProperties() {
    }

    /** The entries, in the order they are meant to be read. */
    public static Map<String, String> entries(Verdict v, HostFacts host) {
        Map<String, String> e = new LinkedHashMap<>();
        for (CandidateVerdict c : v.candidates()) {
            if (c.outcome() == Outcome.BASELINE) {
                continue;
            }
            e.put("verdict." + c.id(), c.outcome().label() + (c.decision().isInconclusive() ? " (inconclusive)" : "")
                    + c.score().map(s -> ": score " + Format.score(s.total())).orElse("")
                    + c.ratio().map(r -> " (" + Format.gain(r - 1) + ")").orElse(""));
        }
        e.put("baseline", v.baseline().id() + v.baselineScore().map(s -> ": score " + Format.score(s.total())).orElse("")
                + " (" + v.baseline().provenance().label() + ")");
        e.put("baseline.source", v.baseline().source());
        e.put("modelgate.gate", v.gate().id());
        Map<String, Set<String>> engines = new TreeMap<>();
        List<ResultFile> results = new ArrayList<>();
        v.candidates().forEach(c -> c.result().ifPresent(results::add));
        v.baseline().result().ifPresent(results::add);
        Optional<String> gpu = host.gpu();
        Optional<String> driver = host.driver();
        for (ResultFile r : results) {
            EngineRecord engine = r.engine() == null ? new EngineRecord(null, null, null) : r.engine();
            String type = engine.type() == null ? "" : engine.type();
            String version = engine.version() == null ? "" : engine.version();
            if (!type.isEmpty()) {
                e.put("engine." + r.id(), type + (version.isEmpty() ? " (version unknown)" : " " + version));
                engines.computeIfAbsent(type, k -> new TreeSet<>()).add(version.isEmpty() ? "unknown" : version);
            }
            gpu = gpu.or(() -> text(engine.details().get("gpu")));
            driver = driver.or(() -> text(engine.details().get("driver")));
        }
        engines.forEach((type, versions) -> e.put(type + ".version", String.join(", ", versions)));
        e.put("gpu", gpu.orElse("unknown (nvidia-smi did not answer)"));
        driver.ifPresent(d -> e.put("gpu.driver", d));
        e.put("java", host.java());
        e.put("os", host.os());
        e.put("git.commit", host.gitCommit().orElse("unknown"));
        return e;
    }

    /**
     * The content of {@code environment.properties}: Java properties with everything outside ASCII
     * escaped as {@code \\uXXXX}, since Allure reads the file as ISO-8859-1.
     */
    public static String render(Map<String, String> entries) {
        StringBuilder out = new StringBuilder();
        entries.forEach((k, v) -> {
            Properties one = new Properties();
            one.setProperty(k, v);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                one.store(bytes, null);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1).lines().filter(l -> !l.startsWith("#")).forEach(l -> out.append(l).append('\n'));
        });
        return out.toString();
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
