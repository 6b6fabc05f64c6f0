package dev.modelgate.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the candidate files and the requirement table, validating each against its schema and
 * recording every problem in one {@link Problems} collector.
 */
public final class CatalogLoader {

    static final ObjectMapper BINDER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CatalogLoader() {
    }

    /**
     * Loads the catalogue: the built-in candidates, those of {@code models/} on the class path and
     * those of {@code modelgate.models}, a later one overriding an earlier one by id; and the first
     * requirement table of {@code modelgate.requirements}, {@code requirements.yaml} on the class
     * path and the built-in one (see {@link ResourceDirs}). A team's table that names its own
     * baseline takes the built-in baseline's {@code baseline: true} away.
     * Problems are added to {@code problems}; the result is only meaningful when there are none.
     */
    public static Catalog load(Settings settings, Problems problems) {
        Optional<Path> teamTable = settings.get(Settings.REQUIREMENTS).map(Path::of)
                .or(() -> ResourceDirs.find("requirements.yaml"));
        Optional<Path> requirementsFile = teamTable.or(() -> ResourceDirs.builtin("requirements.yaml"));
        Requirements requirements = null;
        if (requirementsFile.isPresent()) {
            requirements = loadRequirements(requirementsFile.get(), problems);
        } else {
            problems.add("requirements.yaml", "$", "no requirement table: neither " + Settings.REQUIREMENTS
                    + " nor requirements.yaml on the class path");
        }

        Map<String, Candidate> candidates = new LinkedHashMap<>();
        ResourceDirs.builtin("models").filter(Files::isDirectory)
                .ifPresent(dir -> loadCandidates(dir, "models/", candidates, problems));
        String named = requirements == null ? null : requirements.baseline();
        if (teamTable.isPresent() && named != null) { // a built-in's baseline: true yields to the team's table
            candidates.replaceAll((id, c) -> c.baseline() && !id.equals(named) ? c.notBaseline() : c);
        }
        ResourceDirs.find("models").filter(Files::isDirectory)
                .ifPresent(dir -> loadCandidates(dir, "models/", candidates, problems));
        settings.get(Settings.MODELS).map(Path::of).ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                problems.add(Settings.MODELS + "=" + dir, "$", "is not a directory of candidate files");
            } else {
                loadCandidates(dir, dir + "/", candidates, problems);
            }
        });
        if (requirements != null) {
            checkBaseline(requirements, candidates, problems);
        }
        return new Catalog(candidates, requirements);
    }

    /** Loads the candidate files of one directory; a later directory overrides an earlier one by id. */
    public static void loadCandidates(Path dir, String label, Map<String, Candidate> into, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        for (Path file : ResourceDirs.yamlFiles(dir)) {
            String id = ResourceDirs.stem(file);
            String name = label + file.getFileName();
            String other = seen.put(id, name);
            if (other != null) {
                problems.add(name, "$", "duplicate candidate id '" + id + "': also defined by " + other);
                continue;
            }
            YamlDocuments.read(file, name, "candidate", problems)
                    .flatMap(tree -> bind(tree, id, file, name, problems))
                    .ifPresent(c -> into.put(id, c));
        }
    }

    private static Optional<Candidate> bind(JsonNode tree, String id, Path file, String name, Problems problems) {
        if (tree.has("id") && !id.equals(tree.get("id").asText())) {
            problems.add(name, "$.id", "is '" + tree.get("id").asText() + "' but the file name says '" + id
                    + "'; the id is the file name");
            return Optional.empty();
        }
        try {
            return Optional.of(BINDER.treeToValue(tree, CandidateFile.class).toCandidate(id, file));
        } catch (Exception e) {
            problems.add(name, "$", "cannot be read as a candidate: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Loads and checks a requirements file. Returns {@code null} when it has problems. */
    public static Requirements loadRequirements(Path file, Problems problems) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            problems.add(file.toString(), "$", "requirements file does not exist");
            return null;
        }
        Optional<JsonNode> read = YamlDocuments.read(file, name, "requirements", problems);
        if (read.isEmpty()) {
            return null;
        }
        JsonNode tree = read.get();
        Map<String, RequirementSpec> specs = new LinkedHashMap<>();
        int before = problems.list().size();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.path("requirements").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            JsonNode row = e.getValue();
            String unit = row.path("unit").asText(null);
            Optional<Threshold> must = threshold(row.get("must"), unit, name, "$.requirements." + id + ".must", problems);
            Optional<Threshold> nice = threshold(row.get("nice"), unit, name, "$.requirements." + id + ".nice", problems);
            specs.put(id, new RequirementSpec(id, row.path("title").asText(null), unit, must, nice,
                    row.path("description").asText(null)));
        }
        if (problems.list().size() > before) {
            return null;
        }
        Sampling sampling = tree.has("sampling")
                ? BINDER.convertValue(merge(BINDER.valueToTree(Sampling.DEFAULTS), tree.get("sampling")), Sampling.class)
                : Sampling.DEFAULTS;
        Weights weights = tree.has("weights") ? BINDER.convertValue(tree.get("weights"), Weights.class) : Weights.DEFAULTS;
        Machine machine = tree.has("machine") ? BINDER.convertValue(tree.get("machine"), Machine.class) : null;
        Map<String, Double> scoring = new LinkedHashMap<>();
        tree.path("scoring").fields().forEachRemaining(e -> scoring.put(e.getKey(), e.getValue().asDouble()));
        TtftChoice ttft = new TtftChoice(tree.path("performance").path("ttftFigure").asText(null),
                tree.path("performance").path("ttftPrompt").asText(null));
        CapacityPlan capacity = capacityPlan(tree, specs, name, problems);
        if (problems.list().size() > before) {
            return null;
        }
        return new Requirements(tree.path("baseline").asText(null), tree.path("swapThreshold").asDouble(0.15),
                weights, machine, sampling, specs, scoring, name, ttft, capacity);
    }

    /**
     * The {@code slo:} and {@code capacity:} blocks (schema-checked already), checked together: one
     * needs the other, {@code low <= high}, whole streams for concurrency, exactly one of
     * {@code requestsPerLevel} and {@code durationSeconds}, and a {@code requirements.capacity} row
     * written in the unit the profile searches. Null when the table has neither block.
     */
    private static CapacityPlan capacityPlan(JsonNode tree, Map<String, RequirementSpec> specs, String file,
                                             Problems problems) {
        JsonNode slo = tree.get("slo");
        JsonNode c = tree.get("capacity");
        RequirementSpec row = specs.get(Requirements.CAPACITY);
        if (c == null) {
            if (slo != null) {
                problems.add(file, "$.slo", "is set but there is no capacity: block to search with it; add capacity:"
                        + " (profile, low, high) or remove slo:");
            }
            if (row != null) {
                problems.add(file, "$.requirements.capacity", "sets a threshold for the capacity at the SLO, but the"
                        + " table has no slo: and capacity: blocks to measure it");
            }
            return null;
        }
        if (slo == null) {
            problems.add(file, "$.capacity", "needs an slo: block (e.g. - {metric: ttft, percentile: 95, limitMs: 300})"
                    + " that says what a level must meet");
            return null;
        }
        String profile = c.path("profile").asText();
        double low = c.path("low").asDouble();
        double high = c.path("high").asDouble();
        boolean closed = CapacityPlan.CONCURRENCY.equals(profile);
        if (closed) {
            for (String field : List.of("low", "high")) {
                if (c.path(field).asDouble() != Math.rint(c.path(field).asDouble())) {
                    problems.add(file, "$.capacity." + field, "is " + Numbers.format(c.path(field).asDouble())
                            + ", but the concurrency profile counts whole streams");
                }
            }
        }
        if (high < low) {
            problems.add(file, "$.capacity.high", "is " + Numbers.format(high) + ", below low " + Numbers.format(low)
                    + "; the search runs from low up to high");
        }
        if (c.has("requestsPerLevel") == c.has("durationSeconds")) {
            problems.add(file, "$.capacity", "needs exactly one of requestsPerLevel and durationSeconds (how long"
                    + " each level runs)" + (c.has("requestsPerLevel") ? "; both are set" : "; neither is set"));
        }
        String unit = CapacityPlan.unitFor(profile);
        if (row != null && !unit.equals(row.unit())) {
            problems.add(file, "$.requirements.capacity.unit", "is '" + row.unit() + "', but the " + profile
                    + " profile searches " + unit + "; write unit: " + unit);
        }
        List<SloBound> bounds = new java.util.ArrayList<>();
        slo.forEach(b -> bounds.add(new SloBound(b.path("metric").asText(), b.path("percentile").asDouble(),
                b.path("limitMs").asDouble())));
        return new CapacityPlan(bounds, profile, low, high, c.path("resolution").asDouble(0.1),
                c.path("budgetSeconds").asDouble(300), c.path("maxSteps").asInt(12), c.path("requestsPerLevel").asInt(0),
                c.path("durationSeconds").asDouble(0), c.path("warmUpSeconds").asDouble(0),
                c.path("coolDownSeconds").asDouble(0), c.path("seed").asLong(42), c.path("maxSendLagMs").asDouble(50));
    }

    private static JsonNode merge(JsonNode defaults, JsonNode override) {
        ObjectNode out = ((ObjectNode) defaults).deepCopy();
        override.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    private static Optional<Threshold> threshold(JsonNode node, String unit, String file, String path,
                                                 Problems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Object yaml = node.isArray() ? BINDER.convertValue(node, List.class)
                : node.isBoolean() ? node.booleanValue() : node.asText();
        try {
            Threshold t = Threshold.parse(yaml);
            if (t instanceof Threshold.Comparison c && "ratio".equals(unit) && (c.bound() < 0 || c.bound() > 1)) {
                problems.add(file, path, "threshold " + Numbers.format(c.bound()) + " is not a ratio (unit: ratio"
                        + " takes values from 0 to 1); did you mean " + Numbers.format(c.bound() / 100) + "?");
                return Optional.empty();
            }
            return Optional.of(t);
        } catch (IllegalArgumentException e) {
            problems.add(file, path, e.getMessage());
            return Optional.empty();
        }
    }

    private static void checkBaseline(Requirements requirements, Map<String, Candidate> candidates, Problems problems) {
        List<String> flagged = candidates.values().stream().filter(Candidate::baseline).map(Candidate::id).toList();
        if (flagged.size() > 1) {
            problems.add("models/", "$.baseline", "more than one candidate is marked baseline: true: " + flagged
                    + "; keep one");
        }
        String named = requirements.baseline();
        if (named != null && !candidates.containsKey(named)) {
            problems.add(requirements.source(), "$.baseline", "names '" + named
                    + "', which has no candidate file; known candidates: " + candidates.keySet());
        }
        if (named != null && candidates.containsKey(named) && flagged.size() == 1 && !flagged.get(0).equals(named)) {
            problems.add(requirements.source(), "$.baseline", "names '" + named + "' but models/" + flagged.get(0)
                    + ".yaml is marked baseline: true; make them agree");
        }
    }
}
