package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.cases.McNemar;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A candidate against the baseline on one quality requirement, case by case: when both result
 * files hold the outcomes of the same case set ({@code cases.<requirement>.caseSet}), the exact
 * McNemar test on the cases only one of them passed; otherwise why they could not be paired.
 *
 * @param requirement the requirement id, e.g. {@code tool-calling}
 * @param title       its title, e.g. {@code Tool calling accuracy}
 * @param test        the test, when the outcomes could be paired
 * @param paired      how many cases were paired
 * @param why         why not, when they could not
 */
public record PairedComparison(String requirement, String title, Optional<McNemar> test, int paired, String why) {

    /** Pairs every requirement whose per-case outcomes the candidate's result file holds. */
    public static List<PairedComparison> of(ResultFile candidate, Baseline baseline, Map<String, String> titles) {
        List<PairedComparison> out = new ArrayList<>();
        candidate.cases().forEach((id, cases) -> out.add(pair(id, titles.getOrDefault(id, id), cases, baseline)));
        return out;
    }

    private static PairedComparison pair(String id, String title, JsonNode mine, Baseline baseline) {
        if (baseline.result().isEmpty()) {
            return notPaired(id, title, "the baseline's figures are " + baseline.provenance().label()
                    + ", without per-case outcomes; qualify it in this run or point modelgate.baselineResults at its"
                    + " result file");
        }
        JsonNode theirs = baseline.result().get().cases(id);
        if (theirs.isMissingNode()) {
            return notPaired(id, title, "the baseline's result file (" + baseline.source() + ") holds no per-case"
                    + " outcomes of " + id);
        }
        String ours = mine.path("caseSet").asText();
        String base = theirs.path("caseSet").asText();
        if (ours.isEmpty() || !ours.equals(base)) {
            return notPaired(id, title, "the baseline ran a different case set (" + theirs.path("cases").asInt()
                    + " cases, " + shortHash(base) + ") than the candidate (" + mine.path("cases").asInt() + " cases, "
                    + shortHash(ours) + ")");
        }
        int b = 0;
        int c = 0;
        int paired = 0;
        JsonNode baseOutcomes = theirs.path("outcomes");
        for (Iterator<Map.Entry<String, JsonNode>> it = mine.path("outcomes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode other = baseOutcomes.path(e.getKey());
            if (other.isMissingNode()) {
                continue;
            }
            paired++;
            boolean cand = e.getValue().path("passed").asBoolean();
            boolean basePassed = other.path("passed").asBoolean();
            if (basePassed && !cand) {
                b++;
            } else if (cand && !basePassed) {
                c++;
            }
        }
        return new PairedComparison(id, title, Optional.of(new McNemar(b, c)), paired, null);
    }

    private static PairedComparison notPaired(String id, String title, String why) {
        return new PairedComparison(id, title, Optional.empty(), 0, why);
    }

    /** {@code better}, {@code worse}, {@code no significant difference}, or {@code not paired}. */
    public String outcome() {
        return test.map(McNemar::outcome).orElse("not paired");
    }

    /**
     * {@code "Tool calling accuracy: candidate better (p = 0.039; exact McNemar on 200 paired cases:
     * 10 passed by the candidate only, 2 by the baseline only)"}.
     */
    public String describe() {
        if (test.isEmpty()) {
            return title + ": not paired: " + why;
        }
        McNemar t = test.get();
        String head = t.significant() ? "candidate " + t.outcome() : "no significant difference";
        return title + ": " + head + " (" + p(t.pValue()) + "; exact McNemar on " + paired + " paired cases: " + t.c()
                + " passed by the candidate only, " + t.b() + " by the baseline only)";
    }

    ObjectNode toJson() {
        ObjectNode n = ResultFiles.JSON.createObjectNode();
        n.put("requirement", requirement);
        n.put("outcome", outcome());
        if (test.isPresent()) {
            n.put("pValue", test.get().pValue());
            n.put("pairedCases", paired);
            n.put("candidateOnly", test.get().c());
            n.put("baselineOnly", test.get().b());
        } else {
            n.put("why", why);
        }
        n.put("text", describe());
        return n;
    }

    /** {@code p = 0.039}, {@code p < 0.001}. */
    static String p(double p) {
        return p < 0.001 ? "p < 0.001" : "p = " + String.format(Locale.ROOT, "%.3f", p);
    }

    private static String shortHash(String h) {
        String hex = h.startsWith("sha256:") ? h.substring(7) : h;
        return hex.isEmpty() ? "no fingerprint" : "sha256:" + hex.substring(0, Math.min(12, hex.length()));
    }
}
