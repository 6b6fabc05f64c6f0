package dev.modelgate.catalog.preflight;

import java.util.List;

/**
 * What the Hub preflight found for one candidate: the Hub's facts, the declared facts it
 * contradicts, and notes on what it could not compare.
 */
public record PreflightReport(String candidateId, String repo, String revision, HubFacts hub,
                              List<Difference> differences, List<String> notes) {

    public PreflightReport {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /** Whether every compared fact agrees with the Hub. */
    public boolean consistent() {
        return differences.isEmpty();
    }

    /** The differences and notes as lines for a console or a report attachment. */
    public String render() {
        StringBuilder out = new StringBuilder(candidateId).append(" (").append(repo).append('@').append(revision)
                .append("): ");
        out.append(consistent() ? "the declared facts agree with the Hub"
                : differences.size() + (differences.size() == 1 ? " difference" : " differences") + " from the Hub");
        differences.forEach(d -> out.append("\n  - ").append(d));
        notes.forEach(n -> out.append("\n  note: ").append(n));
        return out.toString();
    }
}
