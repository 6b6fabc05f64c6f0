package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The persons and places a model answered, read from its JSON answer
 * ({@code {"persons": [...], "places": [...]}}). Without structured output models wrap the JSON in
 * prose or a code fence, so the first JSON object in the text is taken.
 */
record ExtractedEntities(List<String> persons, List<String> places) {

    private static final Pattern FENCE = Pattern.compile("```(?:json)?\\s*(\\{.*?})\\s*```", Pattern.DOTALL);
    private static final Pattern THINKING = Pattern.compile("<think>.*?</think>", Pattern.DOTALL);

    public ExtractedEntities {
        persons = List.copyOf(persons);
        places = List.copyOf(places);
    }

    /** Reads the answer; empty when it holds no JSON object with {@code persons} or {@code places}. */
    public static Optional<ExtractedEntities> parse(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        String text = THINKING.matcher(answer).replaceAll("").strip();
        List<String> candidates = new ArrayList<>();
        candidates.add(text);
        Matcher fence = FENCE.matcher(text);
        if (fence.find()) {
            candidates.add(fence.group(1));
        }
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open >= 0 && close > open) {
            candidates.add(text.substring(open, close + 1));
        }
        for (String candidate : candidates) {
            Optional<ExtractedEntities> read = read(candidate);
            if (read.isPresent()) {
                return read;
            }
        }
        return Optional.empty();
    }

    private static Optional<ExtractedEntities> read(String json) {
        JsonNode tree;
        try {
            tree = YamlDocuments.JSON.readTree(json);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (tree == null || !tree.isObject() || !(tree.has("persons") || tree.has("places"))) {
            return Optional.empty();
        }
        return Optional.of(new ExtractedEntities(names(tree.get("persons")), names(tree.get("places"))));
    }

    /** Strings of an array; an item written as {@code {"name": …}} counts by its name. */
    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (item.isTextual() && !item.asText().isBlank()) {
                    out.add(item.asText());
                } else if (item.isObject() && item.path("name").isTextual()) {
                    out.add(item.get("name").asText());
                }
            }
        }
        return out;
    }
}
