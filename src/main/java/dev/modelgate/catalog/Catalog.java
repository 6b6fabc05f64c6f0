package dev.modelgate.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every known candidate and the requirement table, validated. */
public record Catalog(Map<String, Candidate> candidates, Requirements requirements) {

    public Catalog {
        candidates = new LinkedHashMap<>(candidates);
    }

    public Optional<Candidate> candidate(String id) {
        return Optional.ofNullable(candidates.get(id));
    }

    /** The baseline named in the requirements (or marked {@code baseline: true}). */
    public Optional<Candidate> baseline() {
        return candidate(requirements.baseline())
                .or(() -> candidates.values().stream().filter(Candidate::baseline).findFirst());
    }

    /**
     * The candidates a {@code -Dmodel} value selects: comma-separated ids, {@code all}, or
     * {@code tag:<tag>}, in the order given; {@code all} and a tag expand in id order. An id with no
     * file becomes an ad-hoc candidate. Each candidate is selected once.
     */
    public List<Candidate> select(String selection) {
        List<Candidate> out = new ArrayList<>();
        for (String raw : selection.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (item.equalsIgnoreCase("all")) {
                byId().forEach(c -> addOnce(out, c));
            } else if (item.toLowerCase(Locale.ROOT).startsWith("tag:")) {
                String tag = item.substring(4).trim();
                List<Candidate> tagged = byId().stream()
                        .filter(c -> c.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag))).toList();
                if (tagged.isEmpty()) {
                    throw new CatalogException(List.of(new Problem("-Dmodel", "tag:" + tag,
                            "no candidate has the tag '" + tag + "'" + Suggestions.didYouMean(tag, tags())
                                    + "; tags in use: " + tags())));
                }
                tagged.forEach(c -> addOnce(out, c));
            } else {
                addOnce(out, candidates.getOrDefault(item, Candidate.adHoc(item)));
            }
        }
        return out;
    }

    /**
     * Adds a problem for every id of a {@code -Dmodel} value that has no candidate file but is a typo of
     * one (at most {@link Suggestions#MAX_EDITS} edits away): it would otherwise be booted as an ad-hoc
     * Hugging Face model. Ids written as {@code org/name} are taken as Hugging Face ids as they are.
     */
    public void checkSelection(String selection, Problems problems) {
        for (String raw : selection.split(",")) {
            String item = raw.trim();
            if (item.isEmpty() || item.equalsIgnoreCase("all") || item.toLowerCase(Locale.ROOT).startsWith("tag:")
                    || item.contains("/") || candidates.containsKey(item)) {
                continue;
            }
            Suggestions.closest(item, candidates.keySet()).ifPresent(known -> problems.add(Problems.SETTINGS,
                    Settings.MODEL + "=" + item, "matches no candidate file; did you mean '" + known + "'? An id"
                            + " without a file is qualified as an ad-hoc Hugging Face model: write that as org/name"
                            + " (e.g. Qwen/Qwen3-8B)"));
        }
    }

    /** Every candidate in id order: file names sort "a-fp8.yaml" before "a.yaml", ids do not. */
    private List<Candidate> byId() {
        return candidates.values().stream().sorted(Comparator.comparing(Candidate::id)).toList();
    }

    private List<String> tags() {
        return candidates.values().stream().flatMap(c -> c.tags().stream()).distinct().sorted().toList();
    }

    private static void addOnce(List<Candidate> out, Candidate c) {
        if (out.stream().noneMatch(x -> x.id().equals(c.id()))) {
            out.add(c);
        }
    }
}
