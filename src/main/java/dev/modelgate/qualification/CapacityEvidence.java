package dev.modelgate.qualification;

import dev.modelgate.Evidence;
import dev.modelgate.catalog.CapacityPlan;
import dev.modelgate.catalog.MetricNames;
import dev.modelgate.catalog.Numbers;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.SloBound;
import dev.modelgate.catalog.TtftChoice;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.StreamDriver;
import dev.modelgate.measure.Capacity;
import dev.modelgate.measure.CapacitySearch;
import dev.modelgate.measure.CapacityTable;
import dev.modelgate.measure.LoadGenerator;
import dev.modelgate.measure.LoadProfile;
import dev.modelgate.measure.PerformanceCase;
import dev.modelgate.measure.PerformancePrompts;
import dev.modelgate.measure.Slo;
import dev.modelgate.measure.SvgCharts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * What the "Capacity at the SLO" requirement test records: the bounded {@link CapacitySearch} of
 * {@code requirements.yaml}'s {@code capacity:} block against the candidate, with voice-turn
 * requests (the candidate's performance request fields, a prefix of their own each) sent through
 * a {@link StreamDriver} at their scheduled instants. Into the result file under
 * {@code metrics.capacity}: the capacity, goodput, stopping reason and every level; into the
 * report: one note per level, the levels as CSV and the chart. Judged only when the table gives
 * {@code requirements.capacity} a threshold.
 */
public final class CapacityEvidence {

    /** {@code false} skips the capacity search (default {@code true}: searched when the table asks for it). */
    public static final String SETTING = "modelgate.capacity";

    /** Sent before the first level and never counted: a cold client and server fall behind a schedule. */
    static final int WARM_UP_REQUESTS = 8;
    static final int WARM_UP_CONCURRENT = 4;

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private CapacityEvidence() {
    }

    public static void capacity(ChatClient client, Requirements requirements, Settings settings, Evidence evidence) {
        if (requirements.capacityPlan().isEmpty()) {
            evidence.skip("no capacity search: " + requirements.source() + " has no slo: and capacity: blocks");
        }
        if (!settings.get(SETTING).map(Boolean::parseBoolean).orElse(true)) {
            evidence.skip("the capacity search is off (" + SETTING + "=false)");
        }
        CapacityPlan plan = requirements.capacityPlan().orElseThrow();
        Slo slo = slo(plan, requirements.ttft());
        CapacitySearch search = new CapacitySearch(slo, shape(plan), plan.low(), plan.high(), plan.resolution(),
                plan.maxSteps(), seconds(plan.budgetSeconds()), plan.maxSendLagMs());
        Problems problems = new Problems();
        PerformanceCase voice = PerformancePrompts.load(settings, problems).voiceTurn();
        problems.throwIfAny();
        int maxTokens = voice.maxTokens(requirements.sampling().maxTokens());
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        IntFunction<ChatRequest> requests = i -> voice.request("Load " + run + "-" + SEQUENCE.incrementAndGet() + ". ",
                maxTokens, OptionalInt.empty(), false);
        evidence.note(String.format(Locale.ROOT, "plan: %s levels from %s to %s %s (doubling, then bisection), each %s;"
                        + " at most %d levels or %s s; SLO %s; %d warm-up requests first, never counted; latencies from"
                        + " the scheduled send", plan.profile(), Numbers.exact(plan.low()), Numbers.exact(plan.high()),
                plan.unit(), levelLength(plan), plan.maxSteps(), Numbers.exact(plan.budgetSeconds()), slo.describe(),
                WARM_UP_REQUESTS));
        Capacity found;
        try (StreamDriver driver = client.withFields(evidence.candidate().requestFields().performance()).streamDriver()) {
            LoadGenerator generator = new LoadGenerator(driver, requests, maxTokens,
                    seconds(requirements.sampling().requestTimeoutSeconds()));
            generator.warmUp(WARM_UP_REQUESTS, WARM_UP_CONCURRENT);
            found = search.run(generator::run);
        }
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("summary", found.describe());
        metric.put("unit", plan.unit());
        metric.putAll(found.toMetric());
        evidence.metric(MetricNames.CAPACITY, metric);
        for (Capacity.Step step : found.steps()) {
            evidence.note((step.metSlo() ? "meets the SLO — " : "misses the SLO (" + String.join(", ", step.misses())
                    + ") — ") + step.result().describe());
        }
        evidence.attach("Capacity levels", "text/csv", "csv", CapacityTable.csv(found));
        evidence.attach("Capacity at the SLO", "image/svg+xml", "svg",
                SvgCharts.capacity("Capacity at the SLO (" + slo.describe() + ")", found));
        evidence.note(found.describe());
        RequirementSpec spec = evidence.requirement();
        if (spec.must().isEmpty() && spec.nice().isEmpty()) {
            evidence.note("reported, not judged: requirements.capacity sets no threshold");
        } else {
            evidence.judge("Capacity at the SLO", found.level());
        }
    }

    /**
     * The SLO of a plan; its TTFT is the figure {@code performance.ttftFigure} chooses (by default the
     * first answer token, reasoning excluded), the same one the {@code ttft} requirement judges.
     */
    static Slo slo(CapacityPlan plan, TtftChoice ttft) {
        return new Slo(plan.slo().stream().map(CapacityEvidence::bound).toList(), ttft.answerToken());
    }

    private static Slo.Bound bound(SloBound b) {
        return new Slo.Bound(Slo.Metric.of(b.metric()), b.percentile(), b.limitMs());
    }

    /** The load shape of a plan at its lowest level; the search moves the level. */
    static LoadProfile shape(CapacityPlan plan) {
        LoadProfile.Kind kind = LoadProfile.Kind.valueOf(plan.profile().toUpperCase(Locale.ROOT));
        Duration duration = plan.durationSeconds() > 0 ? seconds(plan.durationSeconds()) : null;
        return new LoadProfile(kind, plan.low(), plan.requestsPerLevel(), duration, seconds(plan.warmUpSeconds()),
                seconds(plan.coolDownSeconds()), plan.seed());
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private static String levelLength(CapacityPlan plan) {
        String length = plan.durationSeconds() > 0 ? Numbers.exact(plan.durationSeconds()) + " s of scheduling"
                : plan.requestsPerLevel() + " requests";
        return length + (plan.warmUpSeconds() > 0 || plan.coolDownSeconds() > 0 ? String.format(Locale.ROOT,
                " (warm-up %s s and cool-down %s s sent, not counted)", Numbers.exact(plan.warmUpSeconds()),
                Numbers.exact(plan.coolDownSeconds())) : "");
    }
}
