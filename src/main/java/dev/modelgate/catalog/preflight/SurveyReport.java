package dev.modelgate.catalog.preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a Hub survey found: a row per checkpoint, the catalogue facts the Hub contradicts (by
 * candidate id), a draft candidate file per new checkpoint in scope (by draft id), and notes.
 */
record SurveyReport(String endpoint, List<SurveyRow> rows, Map<String, List<String>> changes,
                           Map<String, String> drafts, List<String> notes, String budget) {

    public SurveyReport {
        rows = List.copyOf(rows);
        changes = Map.copyOf(changes);
        drafts = Map.copyOf(drafts);
        notes = List.copyOf(notes);
    }

    /** The rows of checkpoints no candidate file names. */
    public List<SurveyRow> newRows() {
        return rows.stream().filter(SurveyRow::isNew).toList();
    }

    /** The table and the changes as Markdown. */
    public String render() {
        StringBuilder out = new StringBuilder("# Hub survey\n\n");
        out.append("From ").append(endpoint).append("; weights judged against the memory budget's must-have (")
                .append(budget == null ? "none" : budget).append("); parameters read from the repository name"
                        + " unless the row says otherwise.\n\n");
        out.append("| repo | catalogue | in scope | quantization | parameters (total / active) | MoE | modalities"
                + " | context | licence | weights | vLLM architecture | fits by weights |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SurveyRow r : rows) {
            out.append("| `").append(r.repo()).append("` | ").append(r.isNew() ? "**new**" : "`" + r.catalogueId() + "`")
                    .append(" | ").append(r.inScope() ? "yes" : "no: " + String.join(", ", r.outOfScope()))
                    .append(" | ").append(or(r.quantization(), "none"))
                    .append(" | ").append(r.totalParametersB() == null ? "?" : number(r.totalParametersB()) + "B")
                    .append(" / ").append(r.activeParametersB() == null
                            ? (Boolean.FALSE.equals(r.moe()) ? "dense" : "?") : number(r.activeParametersB()) + "B")
                    .append(" | ").append(r.moe() == null ? "?" : r.moe() ? "yes" : "no")
                    .append(" | ").append(String.join(", ", r.modalities()))
                    .append(" | ").append(r.contextLength() == null ? "?" : String.format(Locale.ROOT, "%,d", r.contextLength()))
                    .append(" | ").append(or(r.licence(), "?"))
                    .append(" | ").append(r.weightsBytes() == null ? "?"
                            : String.format(Locale.ROOT, "%.1f GB (%.2f GiB)", r.weightsBytes() / 1e9, r.weightsGiB()))
                    .append(" | ").append(r.architecture() == null ? "?" : r.architecture() + (r.vllmSupported() ? "" : " (not listed)"))
                    .append(" | ").append(r.fitsBudget() == null ? "?" : r.fitsBudget() ? "yes" : "**no**")
                    .append(" |\n");
        }
        out.append("\n## Catalogue facts the Hub contradicts\n\n");
        if (changes.isEmpty()) {
            out.append("None.\n");
        }
        changes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            out.append("- `").append(e.getKey()).append("`\n");
            e.getValue().forEach(line -> out.append("  - ").append(line).append('\n'));
        });
        out.append("\n## Drafts\n\n");
        if (drafts.isEmpty()) {
            out.append("None: no new checkpoint in scope.\n");
        }
        drafts.keySet().stream().sorted().forEach(id -> out.append("- `drafts/").append(id).append(".yaml`\n"));
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    /** Writes {@code survey.md} and {@code drafts/<id>.yaml} under {@code dir}; returns the table's path. */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir.resolve("drafts"));
            Path table = dir.resolve("survey.md");
            Files.writeString(table, render());
            for (Map.Entry<String, String> draft : drafts.entrySet()) {
                Files.writeString(dir.resolve("drafts").resolve(draft.getKey() + ".yaml"), draft.getValue());
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the survey under " + dir, e);
        }
    }

    private static String or(String value, String absent) {
        return value == null ? absent : value;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
