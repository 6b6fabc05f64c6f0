package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one candidate of the run.
 *
 * @param resultFile the result file the figures were read from; empty when the candidate wrote none
 * @param result     that file's content (for charts and the report)
 * @param ratio      total ÷ baseline total; empty when either is unknown or the baseline scores 0
 * @param paired     the quality requirements compared case by case with the baseline
 */
public record CandidateVerdict(String id, String name, Optional<String> resultFile, Optional<ResultFile> result,
                               Optional<ModelFigures> figures, Optional<Score> score, Optional<Double> ratio,
                               Decision decision, List<PairedComparison> paired) {

    public CandidateVerdict {
        paired = List.copyOf(paired);
    }

    public Outcome outcome() {
        return decision.outcome();
    }
}
