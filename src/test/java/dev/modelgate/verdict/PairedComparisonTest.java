package dev.modelgate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pairing two result files case by case: only the same case set is paired, a case either file lacks is
 * left out, and an older result file without per-case outcomes (or declared figures) says why it
 * cannot be paired instead of failing.
 */
class PairedComparisonTest {

    private static final Map<String, String> TITLES = Map.of("tool-calling", "Tool calling accuracy");

    @Test
    void discordantCasesDecideAndConcordantOnesDoNot() {
        // 12 paired cases: the candidate alone passes c1..c10, the baseline alone passes b1, b2; both pass s.
        ObjectNode cand = result("sha256:aa");
        ObjectNode base = result("sha256:aa");
        for (int i = 1; i <= 10; i++) {
            outcome(cand, "c" + i, true);
            outcome(base, "c" + i, false);
        }
        for (String id : List.of("b1", "b2")) {
            outcome(cand, id, false);
            outcome(base, id, true);
        }
        outcome(cand, "s", true);
        outcome(base, "s", true);
        outcome(cand, "only-candidate-ran-it", false);

        PairedComparison p = PairedComparison.of(ResultFiles.bind(cand), measured(base), TITLES).get(0);

        assertThat(p.paired()).isEqualTo(13);
        assertThat(p.test()).hasValueSatisfying(t -> {
            assertThat(t.c()).isEqualTo(10);
            assertThat(t.b()).isEqualTo(2);
        });
        assertThat(p.outcome()).isEqualTo("better");
        assertThat(p.describe()).isEqualTo("Tool calling accuracy: candidate better (p = 0.039; exact McNemar on 13"
                + " paired cases: 10 passed by the candidate only, 2 by the baseline only)");
    }

    @Test
    void anotherCaseSetIsNotPaired() {
        ObjectNode cand = result("sha256:aaaaaaaaaaaaaaaa");
        outcome(cand, "x", true);
        ObjectNode base = result("sha256:bbbbbbbbbbbbbbbb");
        outcome(base, "x", false);

        PairedComparison p = PairedComparison.of(ResultFiles.bind(cand), measured(base), TITLES).get(0);

        assertThat(p.test()).isEmpty();
        assertThat(p.outcome()).isEqualTo("not paired");
        assertThat(p.describe()).isEqualTo("Tool calling accuracy: not paired: the baseline ran a different case set"
                + " (1 cases, sha256:bbbbbbbbbbbb) than the candidate (1 cases, sha256:aaaaaaaaaaaa)");
    }

    @Test
    void anOlderResultFileWithoutPerCaseOutcomesSaysSo() {
        ObjectNode cand = result("sha256:aa");
        outcome(cand, "x", true);
        ObjectNode old = ResultFiles.JSON.createObjectNode();
        old.putObject("metrics").putObject("toolCallingAccuracy").put("value", 0.9);

        PairedComparison stored = PairedComparison.of(ResultFiles.bind(cand), new Baseline("base", Provenance.STORED, "old/base.json",
                Optional.of(ModelFigures.fromResult(ResultFiles.bind(old), "old/base.json", 0.5)), Optional.of(ResultFiles.bind(old)), List.of()),
                TITLES).get(0);
        PairedComparison declared = PairedComparison.of(ResultFiles.bind(cand), new Baseline("base", Provenance.DECLARED,
                "models/base.yaml declared:", Optional.empty(), Optional.empty(), List.of()), TITLES).get(0);

        assertThat(stored.why()).isEqualTo("the baseline's result file (old/base.json) holds no per-case outcomes of"
                + " tool-calling");
        assertThat(declared.why()).startsWith("the baseline's figures are declared, without per-case outcomes");
        // An older candidate file without a cases block pairs nothing.
        assertThat(PairedComparison.of(ResultFiles.bind(old), measured(cand), TITLES)).isEmpty();
    }

    private static Baseline measured(JsonNode result) {
        return new Baseline("base", Provenance.THIS_RUN, "base.json", Optional.empty(), Optional.of(ResultFiles.bind(result)), List.of());
    }

    private static ObjectNode result(String caseSet) {
        ObjectNode r = ResultFiles.JSON.createObjectNode();
        ObjectNode t = r.putObject("cases").putObject("tool-calling");
        t.put("caseSet", caseSet);
        t.put("cases", 0);
        t.put("repeats", 1);
        t.putObject("outcomes");
        return r;
    }

    private static void outcome(ObjectNode result, String id, boolean passed) {
        ObjectNode t = (ObjectNode) result.path("cases").path("tool-calling");
        ((ObjectNode) t.path("outcomes")).putObject(id).put("passed", passed).put("status", passed ? "passed" : "failed");
        t.put("cases", t.path("outcomes").size());
    }
}
