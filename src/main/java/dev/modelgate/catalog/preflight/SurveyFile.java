package dev.modelgate.catalog.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a Hub survey looks for, read from a YAML file:
 *
 * <pre>
 * authors: [nvidia, RedHatAI]          # Hub accounts searched (/api/models?author=…)
 * search: [gemma-4, Qwen3.6]           # words searched in each account's repositories (none: every repository)
 * repos: [openai/gpt-oss-20b]          # repositories always read
 * quantizations: [NVFP4, FP8, MXFP4]   # methods in scope
 * parameters: {minB: 7, maxB: 36}      # total parameters in scope, in billions
 * modalities: [image]                  # inputs a checkpoint must accept to be in scope (text is implied)
 * licences: [Apache-2.0, MIT]          # licences in scope
 * limit: 50                            # repositories per search
 * </pre>
 *
 * Every repository of the catalogue is read as well, so the survey checks the catalogue again.
 */
record SurveyFile(List<String> authors, List<String> search, List<String> repos, List<String> quantizations,
                  double minParametersB, double maxParametersB, List<String> modalities, List<String> licences,
                  int limit) {

    private static final Set<String> FIELDS = Set.of("authors", "search", "repos", "quantizations", "parameters",
            "modalities", "licences", "limit");

    SurveyFile {
        authors = List.copyOf(authors);
        search = List.copyOf(search);
        repos = List.copyOf(repos);
        quantizations = List.copyOf(quantizations);
        modalities = List.copyOf(modalities);
        licences = List.copyOf(licences);
    }

    /**
     * Reads and checks a survey file.
     *
     * @throws IllegalArgumentException naming the file, every wrong field and what it should be
     */
    static SurveyFile load(Path file) {
        JsonNode tree;
        try {
            tree = YamlDocuments.YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Configuration error: cannot read the survey file " + file + ": "
                    + e.getMessage() + "; set modelgate.survey to a readable YAML file", e);
        }
        List<String> problems = new ArrayList<>();
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("Configuration error: the survey file " + file
                    + " is not a YAML mapping; write e.g. authors: [nvidia] and quantizations: [NVFP4]");
        }
        tree.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(name + ": unknown field; the fields are " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        });
        List<String> authors = strings(tree, "authors", problems);
        List<String> repos = strings(tree, "repos", problems);
        if (authors.isEmpty() && repos.isEmpty()) {
            problems.add("authors/repos: name at least one Hub account (authors) or repository (repos)");
        }
        JsonNode parameters = tree.path("parameters");
        double min = number(parameters, "minB", 0, problems);
        double max = number(parameters, "maxB", Double.MAX_VALUE, problems);
        if (min > max) {
            problems.add("parameters: minB " + min + " is above maxB " + max);
        }
        int limit = tree.has("limit") ? tree.get("limit").asInt(-1) : 50;
        if (limit < 1 || limit > 1000) {
            problems.add("limit: " + tree.path("limit") + " must be a whole number from 1 to 1000");
        }
        List<String> modalities = strings(tree, "modalities", problems);
        modalities.stream().filter(m -> !Set.of("text", "image", "audio", "video").contains(m))
                .forEach(m -> problems.add("modalities: " + m + " is not one of text, image, audio, video"));
        SurveyFile survey = new SurveyFile(authors, strings(tree, "search", problems), repos,
                strings(tree, "quantizations", problems), min, max, modalities, strings(tree, "licences", problems),
                limit);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Configuration error: the survey file " + file + " has "
                    + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  - "
                    + String.join("\n  - ", problems));
        }
        return survey;
    }

    private static List<String> strings(JsonNode tree, String field, List<String> problems) {
        JsonNode node = tree.path(field);
        List<String> values = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            problems.add(field + ": expected a list such as [a, b], found " + node);
            return values;
        }
        node.forEach(v -> {
            if (v.isTextual() && !v.asText().isBlank()) {
                values.add(v.asText().trim());
            } else {
                problems.add(field + ": " + v + " is not a non-empty text");
            }
        });
        return values;
    }

    private static double number(JsonNode parent, String field, double absent, List<String> problems) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode()) {
            return absent;
        }
        if (!node.isNumber() || node.asDouble() < 0) {
            problems.add("parameters." + field + ": " + node + " must be a number of billions, e.g. 7");
            return absent;
        }
        return node.asDouble();
    }
}
