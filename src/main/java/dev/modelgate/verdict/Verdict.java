package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The verdict of one run: the baseline with the provenance of its figures and its score, and
 * every candidate's score, ratio to the baseline and swap decision.
 *
 * @param baselineName   the baseline's display name
 * @param baselineScore  the baseline scored against itself; empty when it has no figures
 * @param requirements   the requirement table the must-haves were read from
 */
public record Verdict(Instant computedAt, RunManifest manifest, Gate gate, ScoringParameters parameters,
                      Baseline baseline, String baselineName, Optional<Score> baselineScore,
                      String requirements, List<CandidateVerdict> candidates) {

    public Verdict {
        candidates = List.copyOf(candidates);
    }

    public CandidateVerdict candidate(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no verdict for '" + id + "'"));
    }

    /** The content of {@code verdict.json}: every input and formula result, per sub-score. */
    public ObjectNode toJson() {
        return VerdictJson.of(this);
    }
}
