package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.MetricNames;
import java.util.List;
import java.util.Optional;

/** Writes a {@link Verdict} as the JSON tree of {@code verdict.json}. */
final class VerdictJson {

    private VerdictJson() {
    }

    static ObjectNode of(Verdict v) {
        ObjectNode root = ResultFiles.JSON.createObjectNode();
        root.put("computedAt", v.computedAt().toString());
        root.put("runStartedAt", v.manifest().startedAt().toString());
        root.put("gate", v.gate().id());
        root.put("requirements", v.requirements());
        root.set("parameters", ResultFiles.JSON.valueToTree(v.parameters().describe()));
        root.put("rule", "swap when every must-have passed and total ≥ (1 + " + Format.num(v.parameters().swapThreshold())
                + ") × baseline total");
        ObjectNode base = root.putObject("baseline");
        base.put("id", v.baseline().id());
        base.put("name", v.baselineName());
        base.put("provenance", v.baseline().provenance().label());
        base.put("source", v.baseline().source());
        strings(base.putArray("notes"), v.baseline().notes());
        v.baselineScore().ifPresent(s -> base.set("score", score(s)));
        v.baseline().result().flatMap(VerdictJson::capacity).ifPresent(cap -> base.set("capacity", cap));
        ArrayNode list = root.putArray("candidates");
        for (CandidateVerdict c : v.candidates()) {
            ObjectNode n = list.addObject();
            n.put("id", c.id());
            n.put("name", c.name());
            n.put("resultFile", c.resultFile().orElse(null));
            n.put("outcome", c.outcome().label());
            n.put("swap", c.decision().swap());
            n.put("reason", c.decision().reason());
            n.put("inconclusive", c.decision().isInconclusive());
            RequirementReview r = c.decision().review();
            strings(n.putArray("mustHaveMisses"), r.mustHaveMisses());
            strings(n.putArray("notEstablished"), r.notEstablished());
            strings(n.putArray("niceToHaveMisses"), r.niceToHaveMisses());
            strings(n.putArray("inconclusiveFigures"), c.decision().inconclusive());
            c.score().ifPresent(s -> n.set("score", score(s)));
            if (c.ratio().isPresent()) {
                n.put("ratio", c.ratio().get());
                n.put("gain", c.ratio().get() - 1);
            } else {
                n.putNull("ratio");
            }
            c.result().flatMap(VerdictJson::capacity).ifPresent(cap -> n.set("capacity", cap));
            ArrayNode paired = n.putArray("paired");
            c.paired().forEach(pc -> paired.add(pc.toJson()));
            c.figures().ifPresent(f -> strings(n.putArray("notes"), f.notes()));
        }
        return root;
    }

    /** The capacity at the SLO of a result file, without its levels (those stay in the result file). */
    private static Optional<ObjectNode> capacity(ResultFile result) {
        JsonNode cap = result.metric(MetricNames.CAPACITY);
        if (!cap.isObject()) {
            return Optional.empty();
        }
        ObjectNode out = ((ObjectNode) cap).deepCopy();
        out.remove("steps");
        return Optional.of(out);
    }

    static ObjectNode score(Score s) {
        ObjectNode n = ResultFiles.JSON.createObjectNode();
        n.put("total", s.total());
        n.put("formula", String.join(" + ", s.parts().stream()
                .map(p -> Format.num(p.weight()) + "·" + p.key()).toList()) + " = " + String.join(" + ",
                s.parts().stream().map(p -> Format.num(p.weight()) + "·" + (p.computed() ? Format.num(p.value()) : "0"))
                        .toList()) + " = " + Format.num(s.total()));
        ObjectNode parts = n.putObject("subScores");
        for (SubScore p : s.parts()) {
            ObjectNode sn = parts.putObject(p.key());
            sn.put("name", p.title());
            sn.put("weight", p.weight());
            if (p.computed()) {
                sn.put("value", p.value());
            } else {
                sn.putNull("value");
            }
            sn.put("weighted", p.contribution());
            sn.put("formula", p.formula());
            ObjectNode inputs = sn.putObject("inputs");
            p.inputs().entrySet().forEach(e -> {
                ObjectNode in = inputs.putObject(e.getKey());
                Figure f = e.getValue();
                if (f.present()) {
                    in.put("value", f.value());
                } else {
                    in.putNull("value");
                }
                in.put("source", f.source());
                f.range().ifPresent(r -> in.putArray(f.declared() ? "declaredRange" : "ci95").add(r.low()).add(r.high()));
            });
            strings(sn.putArray("missing"), p.missing());
        }
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
