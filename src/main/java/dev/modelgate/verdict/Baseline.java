package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The baseline's figures and where they come from.
 *
 * @param source where exactly: a result file path (and when it ran), or the candidate file
 * @param result the result file's content, when the figures come from one
 * @param notes  what a reader should know: figures derived (a range's midpoint), files passed over
 */
public record Baseline(String id, Provenance provenance, String source, Optional<ModelFigures> figures,
                       Optional<ResultFile> result, List<String> notes) {

    public Baseline {
        notes = List.copyOf(notes);
    }

    /** Short form for messages: {@code "declared"}, {@code "measured in this run"}, {@code "stored result, …"}. */
    public String label() {
        return provenance == Provenance.STORED ? "stored result, " + source : provenance.label();
    }
}
