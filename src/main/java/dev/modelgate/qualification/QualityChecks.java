package dev.modelgate.qualification;

import dev.modelgate.catalog.MetricNames;
import dev.modelgate.Evidence;
import dev.modelgate.cases.CaseInfo;
import dev.modelgate.cases.CaseLedger;
import dev.modelgate.cases.CaseOutcome;
import dev.modelgate.cases.CaseSteps;
import dev.modelgate.cases.CasesNeeded;
import dev.modelgate.cases.EntityCase;
import dev.modelgate.cases.EntityRun;
import dev.modelgate.cases.EntityScore;
import dev.modelgate.cases.F1Interval;
import dev.modelgate.cases.NativeResponseCase;
import dev.modelgate.cases.NativeResponseRun;
import dev.modelgate.cases.Proportion;
import dev.modelgate.cases.QualityCases;
import dev.modelgate.cases.Suite;
import dev.modelgate.cases.SuiteOutcome;
import dev.modelgate.cases.ToolCallingCase;
import dev.modelgate.cases.ToolCallingRun;
import dev.modelgate.cases.VisionCase;
import dev.modelgate.cases.VisionRun;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ServerError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quality requirements as the qualification suite runs them: load the suite's cases, run them
 * concurrently, show each case as a report step, record the suite's figure in the result file,
 * and judge it against the requirement.
 *
 * <p>A case without an answer (server error, timeout) counts as not passed. When no case got an
 * answer the test is broken, unless the server refused every request with HTTP 4xx: then the
 * candidate cannot do what the suite asks, and the requirement is judged on a score of 0 with
 * the server's words in the report.
 */
final class QualityChecks {

    private QualityChecks() {
    }

    /** Requirement {@code tool-calling}: metric {@code toolCallingAccuracy}. */
    public static void toolCalling(ChatClient client, Settings settings, Evidence evidence) {
        toolCalling(client, QualityCases.load(settings).toolCalling(), concurrency(settings), repeats(settings),
                evidence);
    }

    /** Requirement {@code tool-calling} on the given cases, each once. */
    public static void toolCalling(ChatClient client, List<ToolCallingCase> cases, int concurrency, Evidence evidence) {
        toolCalling(client, cases, concurrency, 1, evidence);
    }

    /** Requirement {@code tool-calling} on the given cases, each {@code repeats} times. */
    public static void toolCalling(ChatClient client, List<ToolCallingCase> cases, int concurrency, int repeats,
                                   Evidence evidence) {
        if (cases.isEmpty()) {
            evidence.skip(noCases(Suite.TOOL_CALLING));
            return;
        }
        SuiteOutcome outcome = ToolCallingRun.run(client, cases, concurrency, repeats);
        CaseSteps.report(outcome);
        Map<String, Object> metric = accuracy(outcome, cases.stream().map(CaseInfo::of).toList(), evidence);
        metric.put("unparsed", outcome.count(CaseOutcome.Status.UNPARSED));
        evidence.metric(MetricNames.TOOL_CALLING_ACCURACY, ordered(metric, "value", "passed", "total", "unparsed", "ci95"));
        evidence.judge("tool calling accuracy", outcome.accuracy().value());
    }

    /** Requirement {@code entities}: metric {@code entityF1}. */
    public static void entities(ChatClient client, Settings settings, Evidence evidence) {
        entities(client, QualityCases.load(settings).entities(), concurrency(settings), repeats(settings), evidence);
    }

    /** Requirement {@code entities} on the given cases, each {@code repeats} times. */
    public static void entities(ChatClient client, List<EntityCase> cases, int concurrency, int repeats,
                                Evidence evidence) {
        if (cases.isEmpty()) {
            evidence.skip(noCases(Suite.ENTITIES));
            return;
        }
        EntityRun.Result result = EntityRun.run(client, cases, concurrency, repeats);
        evidence.metric("entityF1", entityMetric(result, cases, evidence));
        evidence.judge("entity F1", result.total().f1());
    }

    /** Requirement {@code kannada-entities}: metric {@code kannada.entityF1}. */
    public static void kannadaEntities(ChatClient client, Settings settings, Evidence evidence) {
        kannadaEntities(client, QualityCases.load(settings).kannadaEntities(), concurrency(settings), repeats(settings),
                evidence);
    }

    /** Requirement {@code kannada-entities} on the given cases, each {@code repeats} times. */
    public static void kannadaEntities(ChatClient client, List<EntityCase> cases, int concurrency, int repeats,
                                       Evidence evidence) {
        if (cases.isEmpty()) {
            evidence.skip(noCases(Suite.KANNADA) + " of kind: entities");
            return;
        }
        EntityRun.Result result = EntityRun.run(client, cases, concurrency, repeats);
        evidence.metric(MetricNames.KANNADA, Map.of(MetricNames.KANNADA_ENTITY_F1, entityMetric(result, cases, evidence)));
        evidence.judge("Kannada entity F1", result.total().f1());
    }

    /** Requirement {@code kannada-native}: metric {@code kannada.nativeResponse}. */
    public static void kannadaNative(ChatClient client, Settings settings, Evidence evidence) {
        kannadaNative(client, QualityCases.load(settings).kannadaNative(), concurrency(settings), repeats(settings),
                evidence);
    }

    /** Requirement {@code kannada-native} on the given cases, each {@code repeats} times. */
    public static void kannadaNative(ChatClient client, List<NativeResponseCase> cases, int concurrency, int repeats,
                                     Evidence evidence) {
        if (cases.isEmpty()) {
            evidence.skip(noCases(Suite.KANNADA) + " of kind: native");
            return;
        }
        SuiteOutcome outcome = NativeResponseRun.run(client, cases, concurrency, repeats);
        CaseSteps.report(outcome);
        Map<String, Object> metric = accuracy(outcome, cases.stream().map(CaseInfo::of).toList(), evidence);
        evidence.metric(MetricNames.KANNADA, Map.of(MetricNames.KANNADA_NATIVE_RESPONSE, ordered(metric, "value", "passed", "total", "ci95")));
        evidence.judge("Kannada native response", outcome.accuracy().value());
    }

    /**
     * Requirement {@code vision}: metric {@code vision}. A server that refuses images (HTTP 4xx on
     * every case) misses the requirement with its own message; the run goes on.
     */
    public static void vision(ChatClient client, Candidate candidate, Settings settings, Evidence evidence) {
        vision(client, candidate, QualityCases.load(settings).vision(), concurrency(settings), repeats(settings),
                evidence);
    }

    /** Requirement {@code vision} on the given cases, each {@code repeats} times. */
    public static void vision(ChatClient client, Candidate candidate, List<VisionCase> cases, int concurrency,
                              int repeats, Evidence evidence) {
        if (cases.isEmpty()) {
            evidence.skip(noCases(Suite.VISION));
            return;
        }
        SuiteOutcome outcome = VisionRun.run(client, cases, concurrency, repeats);
        CaseSteps.report(outcome);
        List<CaseInfo> infos = cases.stream().map(CaseInfo::of).toList();
        if (outcome.allRefused()) {
            String message = refusal(outcome);
            evidence.caseOutcomes(CaseLedger.of(outcome, infos, Map.of()));
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("accepted", false);
            metric.put("value", 0.0);
            metric.put("passed", 0);
            metric.put("total", outcome.outcomes().size());
            metric.put("ci95", new Proportion(0, cases.size()).wilson95().rounded());
            metric.put("rejection", message);
            evidence.metric(MetricNames.VISION, metric);
            evidence.note("the server rejects images: " + message + declaredModalities(candidate));
            RequirementSpec spec = evidence.requirement();
            evidence.judgeRule("image input", "rejected: " + message, spec.must().isPresent() ? false : null,
                    spec.nice().isPresent() ? false : null);
            return;
        }
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("accepted", true);
        metric.putAll(accuracy(outcome, infos, evidence));
        evidence.metric(MetricNames.VISION, ordered(metric, "accepted", "value", "passed", "total", "ci95"));
        evidence.judge("vision accuracy", outcome.accuracy().value());
    }

    /** How many cases run at once: {@value QualityCases#CONCURRENCY}, default {@value QualityCases#DEFAULT_CONCURRENCY}. */
    public static int concurrency(Settings settings) {
        int n = settings.getInt(QualityCases.CONCURRENCY, QualityCases.DEFAULT_CONCURRENCY);
        if (n < 1) {
            throw new IllegalArgumentException("Configuration error: " + QualityCases.CONCURRENCY + "=" + n
                    + " must be at least 1 (cases in flight at once)");
        }
        return n;
    }

    /** How many times each case runs: {@value Settings#REPEATS}, default 1. */
    public static int repeats(Settings settings) {
        int k = settings.getInt(Settings.REPEATS, 1);
        if (k < 1) {
            throw new IllegalArgumentException("Configuration error: " + Settings.REPEATS + "=" + k
                    + " must be at least 1 (runs of each quality case)");
        }
        return k;
    }

    private static Map<String, Object> entityMetric(EntityRun.Result result, List<EntityCase> cases,
                                                    Evidence evidence) {
        CaseSteps.report(result.suite());
        requireAnswers(result.suite(), evidence);
        List<CaseInfo> infos = cases.stream().map(CaseInfo::of).toList();
        Map<String, EntityScore> perCase = result.byCase();
        evidence.caseOutcomes(CaseLedger.of(result.suite(), infos, perCase));
        EntityScore total = result.total();
        Proportion.Interval ci = result.interval();
        int n = result.suite().cases();
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("value", total.f1());
        metric.put("precision", total.precision());
        metric.put("recall", total.recall());
        metric.put("n", n);
        metric.put("ci95", ci.rounded());
        boolean perfect = perCase.values().stream().allMatch(s -> s.falsePositives() == 0 && s.falseNegatives() == 0);
        metric.put("interval", perfect ? "wilson: every text answered perfectly, " + n + " of " + n
                : "bootstrap over texts: " + F1Interval.RESAMPLES + " resamples, seed " + F1Interval.SEED);
        if (result.suite().repeats() > 1) {
            Proportion consistent = result.suite().consistency();
            metric.put("repeats", result.suite().repeats());
            metric.put("consistency", SuiteStatistics.share(consistent));
            evidence.note(String.format(Locale.ROOT, "%d texts × %d runs; consistency (every entity right in every"
                    + " run) %d of %d (%.1f %%)", n, result.suite().repeats(), consistent.passed(), consistent.total(),
                    consistent.value() * 100));
        }
        metric.put("unparsed", result.suite().count(CaseOutcome.Status.UNPARSED));
        metric.put("responseFormat", result.formatCounts());
        int errors = result.suite().count(CaseOutcome.Status.ERROR);
        if (errors > 0) {
            metric.put("errors", errors);
        }
        Integer text = result.formatCounts().get(EntityRun.TEXT);
        evidence.note(text == null
                ? "asked for JSON with structured output (response_format json_schema)"
                : "the server rejected response_format json_schema; JSON was asked for in the text for " + text
                + " of " + result.scores().size() + " cases");
        evidence.note(String.format(Locale.ROOT, "entity F1 %.3f (precision %.3f, recall %.3f) over %d cases,"
                        + " pooled: %d found, %d not expected, %d missed; 95 %% interval [%.3f, %.3f] (%s)", total.f1(),
                total.precision(), total.recall(), n, total.truePositives(), total.falsePositives(),
                total.falseNegatives(), ci.low(), ci.high(), metric.get("interval")));
        SuiteStatistics.thresholds(evidence, total.f1(), ci, n, perfect ? CasesNeeded.wilson() : CasesNeeded.scaling(ci),
                metric);
        Map<String, Object> byTag = SuiteStatistics.f1ByTag(infos, perCase);
        if (!byTag.isEmpty()) {
            metric.put("byTag", byTag);
        }
        return metric;
    }

    /** Requires answers, records the per-case outcomes and returns the accuracy metric of {@code outcome}. */
    private static Map<String, Object> accuracy(SuiteOutcome outcome, List<CaseInfo> infos, Evidence evidence) {
        requireAnswers(outcome, evidence);
        evidence.caseOutcomes(CaseLedger.of(outcome, infos, Map.of()));
        return SuiteStatistics.accuracy(outcome, infos, evidence);
    }

    /** Throws the first error when no case got an answer, unless the server refused every case (HTTP 4xx). */
    private static void requireAnswers(SuiteOutcome outcome, Evidence evidence) {
        if (!outcome.noAnswers()) {
            return;
        }
        if (outcome.allRefused()) {
            evidence.note("the server refused every case: " + refusal(outcome));
            return;
        }
        throw outcome.firstError().orElseThrow();
    }

    private static String refusal(SuiteOutcome outcome) {
        return outcome.firstError().map(e -> e instanceof ServerError s
                ? "HTTP " + s.status() + ": " + s.serverMessage() : e.getMessage()).orElse("");
    }

    private static String declaredModalities(Candidate candidate) {
        if (candidate == null || candidate.adHoc() || candidate.facts().modalities().isEmpty()) {
            return "";
        }
        return candidate.facts().accepts("image")
                ? " (the candidate file declares image input: check the served model and --limit-mm-per-prompt)"
                : " (as declared: the candidate's modalities are " + String.join(", ", candidate.facts().modalities()) + ")";
    }

    private static String noCases(Suite suite) {
        return "no " + suite.directory() + " cases: neither cases/" + suite.directory() + "/ on the class path nor "
                + Settings.CASES + " holds any";
    }

    private static Map<String, Object> ordered(Map<String, Object> metric, String... first) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : first) {
            if (metric.containsKey(key)) {
                out.put(key, metric.get(key));
            }
        }
        out.putAll(metric);
        return out;
    }
}
