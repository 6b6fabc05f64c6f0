package dev.modelgate.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-case outcomes of one quality requirement as the result file keeps them
 * ({@code cases.<requirement id>}): the case set's fingerprint, and for every case its status, why,
 * and whether it counts as passed when two runs are paired — with repeats, when it passed in more
 * than half of its runs. Entity cases add their true positives, false positives and false negatives.
 */
public final class CaseLedger {

    private CaseLedger() {
    }

    /** The ledger of {@code outcome}; {@code scores} holds each entity case's counts (empty for other suites). */
    public static Map<String, Object> of(SuiteOutcome outcome, List<CaseInfo> cases, Map<String, EntityScore> scores) {
        Map<String, Object> ledger = new LinkedHashMap<>();
        ledger.put("caseSet", CaseSetHash.of(cases));
        ledger.put("cases", outcome.cases());
        ledger.put("repeats", outcome.repeats());
        Map<String, Object> entries = new LinkedHashMap<>();
        outcome.byCase().forEach((id, runs) -> entries.put(id, entry(runs, scores.get(id))));
        ledger.put("outcomes", entries);
        return ledger;
    }

    private static Map<String, Object> entry(List<CaseOutcome> runs, EntityScore score) {
        int passes = (int) runs.stream().filter(CaseOutcome::passed).count();
        CaseOutcome shown = runs.stream().filter(o -> !o.passed()).findFirst().orElse(runs.get(0));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("passed", 2 * passes > runs.size());
        e.put("status", shown.status().name().toLowerCase(java.util.Locale.ROOT));
        if (runs.size() > 1) {
            e.put("passes", passes);
            e.put("runs", runs.size());
        }
        e.put("reason", shown.summary());
        if (score != null) {
            e.put("tp", score.truePositives());
            e.put("fp", score.falsePositives());
            e.put("fn", score.falseNegatives());
        }
        return e;
    }
}
