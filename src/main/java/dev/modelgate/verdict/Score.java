package dev.modelgate.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The weighted score of one model: its sub-scores Q, P, V, M, S and their weighted sum. */
public record Score(List<SubScore> parts, double total) {

    public Score {
        parts = List.copyOf(parts);
    }

    public static Score of(List<SubScore> parts) {
        return new Score(parts, parts.stream().mapToDouble(SubScore::contribution).sum());
    }

    public SubScore part(String key) {
        return parts.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no sub-score " + key));
    }

    /** Every missing figure, prefixed with its sub-score ({@code "P: baseline TTFT …"}). */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> p.missing().forEach(m -> out.add(p.key() + ": " + m)));
        return out;
    }

    /** The score with every sub-score's inputs and formula, as in {@code verdict.json}. */
    public com.fasterxml.jackson.databind.node.ObjectNode toJson() {
        return VerdictJson.score(this);
    }

    /** Sub-scores that could not be computed and count as 0 in the total. */
    public List<SubScore> notComputed() {
        return parts.stream().filter(p -> !p.computed()).toList();
    }
}
