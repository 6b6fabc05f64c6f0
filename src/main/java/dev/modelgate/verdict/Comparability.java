package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the results of several runs can be judged in one verdict: every result must share the
 * {@link ConfigParts#SHARED shared parts} of its configuration with the first, and the first must
 * share the requirement table and scoring of the build that merges them. Each difference is one
 * line naming the runs and the parts in which they differ.
 */
final class Comparability {

    private static final Map<String, String> MEANING = Map.of(
            ConfigParts.REQUIREMENTS, "requirements (thresholds or the target machine's budget)",
            ConfigParts.SCORING, "scoring (baseline, weights, formula parameters or swap threshold)",
            ConfigParts.SAMPLING, "sampling (samples, warm-up, concurrency, timeouts)",
            ConfigParts.CASES, "cases (the case files)");

    private Comparability() {
    }

    /**
     * The differences between the runs, and between them and this build's table.
     *
     * @param table the parts of the requirement table of the build that merges
     */
    public static List<String> differences(List<RunSource> runs, ConfigParts table, String tableSource) {
        List<String> lines = new ArrayList<>();
        Map<String, RunSource> seen = new LinkedHashMap<>();
        String baseline = null;
        RunSource baselineRun = null;
        for (RunSource run : runs) {
            for (String id : run.manifest().candidates()) {
                RunSource earlier = seen.putIfAbsent(id, run);
                if (earlier != null) {
                    lines.add("candidate '" + id + "' is in two runs, " + earlier.label() + " and " + run.label()
                            + ": merge one of them");
                }
            }
            if (run.manifest().baseline() != null) {
                if (baseline == null) {
                    baseline = run.manifest().baseline();
                    baselineRun = run;
                } else if (!baseline.equals(run.manifest().baseline())) {
                    lines.add(run.describe() + " was judged against baseline '" + run.manifest().baseline() + "', "
                            + baselineRun.describe() + " against '" + baseline + "'");
                }
            }
        }
        String referenceLabel = null;
        ConfigParts reference = null;
        for (RunSource run : runs) {
            for (Map.Entry<String, CandidateResult> e : run.results().entrySet()) {
                String where = run.label() + " (" + e.getKey() + ")";
                Optional<ConfigParts> parts = ConfigParts.of(e.getValue().file());
                if (parts.isEmpty()) {
                    lines.add(where + ": the result file has no " + ConfigParts.FIELD + " (written by an older"
                            + " modelgate), so nothing says it was measured like the others; qualify it again");
                    continue;
                }
                if (reference == null) {
                    reference = parts.get();
                    referenceLabel = where;
                    continue;
                }
                List<String> differ = parts.get().differences(reference, ConfigParts.SHARED);
                if (!differ.isEmpty()) {
                    lines.add(where + " differs from " + referenceLabel + " in " + explain(differ));
                }
            }
        }
        if (reference != null) {
            List<String> differ = table.differences(reference, ConfigParts.TABLE);
            if (!differ.isEmpty()) {
                lines.add("this build's requirement table (" + tableSource + ") differs from " + referenceLabel
                        + " in " + explain(differ) + ": merge with the requirements file the runs used"
                        + " (-Dmodelgate.requirements=…)");
            }
        }
        return lines;
    }

    private static String explain(List<String> parts) {
        return String.join(", ", parts.stream().map(p -> MEANING.getOrDefault(p, p)).toList());
    }
}
