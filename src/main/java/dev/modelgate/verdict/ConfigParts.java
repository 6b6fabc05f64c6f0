package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Requirements;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration hash of a result split into named parts, each a digest of one input: the
 * {@link #CANDIDATE candidate} file, the {@link #ENGINE engine} and its version, the
 * {@link #REQUIREMENTS requirements} (thresholds and the target machine), the {@link #SCORING scoring}
 * (baseline, weights, formula parameters, swap threshold), the {@link #SAMPLING sampling} plan and
 * timeouts, and the {@link #CASES case} files. Written into every result file as {@code configParts},
 * so that a merge of several runs can say which input differs between them.
 */
public record ConfigParts(Map<String, String> parts) {

    public static final String FIELD = "configParts";
    public static final String CANDIDATE = "candidate";
    public static final String ENGINE = "engine";
    public static final String REQUIREMENTS = "requirements";
    public static final String SCORING = "scoring";
    public static final String SAMPLING = "sampling";
    public static final String CASES = "cases";

    /** The parts two runs must share for their results to be judged in one verdict. */
    public static final List<String> SHARED = List.of(REQUIREMENTS, SCORING, SAMPLING, CASES);

    /** The parts a build that only merges (runs nothing) checks against its own requirement table. */
    public static final List<String> TABLE = List.of(REQUIREMENTS, SCORING);

    public ConfigParts {
        parts = Map.copyOf(parts);
    }

    /**
     * The parts of one run. The requirement table's file location is left out: the same table
     * checked out on two machines is the same table.
     */
    public static ConfigParts of(String candidateDigest, String engine, Requirements table, String casesDigest) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(CANDIDATE, candidateDigest);
        p.put(ENGINE, engine);
        p.putAll(ofTable(table).parts());
        p.put(SAMPLING, digest(String.valueOf(table.sampling())));
        p.put(CASES, casesDigest);
        return new ConfigParts(p);
    }

    /** The parts of a requirement table alone ({@link #TABLE}). */
    public static ConfigParts ofTable(Requirements table) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(REQUIREMENTS, digest(table.requirements() + "\n" + table.machine()));
        p.put(SCORING, digest(table.baseline() + "\n" + table.swapThreshold() + "\n" + table.weights() + "\n"
                + table.scoring()));
        return new ConfigParts(p);
    }

    /** The parts a result file carries; empty for a file written before they were recorded. */
    public static Optional<ConfigParts> of(ResultFile result) {
        JsonNode node = result.configParts();
        if (!node.isObject()) {
            return Optional.empty();
        }
        Map<String, String> p = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
        return Optional.of(new ConfigParts(p));
    }

    public Optional<String> get(String part) {
        return Optional.ofNullable(parts.get(part));
    }

    /** The names among {@code names} whose digests differ between this and {@code other} (absent counts as differing). */
    public List<String> differences(ConfigParts other, List<String> names) {
        List<String> differ = new ArrayList<>();
        for (String n : names) {
            if (get(n).isEmpty() || !get(n).equals(other.get(n))) {
                differ.add(n);
            }
        }
        return differ;
    }

    public ObjectNode toJson() {
        ObjectNode o = ResultFiles.JSON.createObjectNode();
        for (String n : List.of(CANDIDATE, ENGINE, REQUIREMENTS, SCORING, SAMPLING, CASES)) {
            get(n).ifPresent(v -> o.put(n, v));
        }
        return o;
    }

    /** A short SHA-256 digest of {@code text} (16 hex digits: enough to tell inputs apart). */
    public static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
