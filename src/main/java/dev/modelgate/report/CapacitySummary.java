package dev.modelgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.MetricNames;
import dev.modelgate.verdict.CandidateVerdict;
import dev.modelgate.verdict.Outcome;
import dev.modelgate.verdict.ResultFile;
import dev.modelgate.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The capacity at the SLO of every model of a verdict, for {@code summary.md}: one line each, as
 * its capacity test wrote it ({@code metrics.capacity.summary}). Nothing when no model has one.
 */
final class CapacitySummary {

    private CapacitySummary() {
    }

    static String render(Verdict v) {
        List<String> lines = new ArrayList<>();
        boolean any = false;
        Optional<JsonNode> base = v.baseline().result().map(CapacitySummary::capacity).filter(JsonNode::isObject);
        any |= base.isPresent();
        lines.add("- " + v.baseline().id() + " (baseline): " + base.map(CapacitySummary::line)
                .orElse("not measured (" + v.baseline().provenance().label() + ")"));
        for (CandidateVerdict c : v.candidates()) {
            if (c.outcome() == Outcome.BASELINE) {
                continue;
            }
            Optional<JsonNode> cap = c.result().map(CapacitySummary::capacity).filter(JsonNode::isObject);
            any |= cap.isPresent();
            lines.add("- " + c.id() + ": " + cap.map(CapacitySummary::line).orElse("not measured"));
        }
        if (!any) {
            return "";
        }
        return "\n**Capacity at the SLO** (the highest load at which the counted requests met every bound of the SLO,"
                + " latencies measured from when each request was due; goodput: requests that met the SLO per second"
                + " at that load; reported, and in P only with scoring.performance.capacityShare):\n"
                + String.join("\n", lines) + "\n";
    }

    private static JsonNode capacity(ResultFile result) {
        return result.metric(MetricNames.CAPACITY);
    }

    private static String line(JsonNode capacity) {
        return SummaryMarkdown.cell(capacity.path("summary").asText("capacity " + capacity.path("capacity").asText()
                + " " + capacity.path("unit").asText()));
    }
}
