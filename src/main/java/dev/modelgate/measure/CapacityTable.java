package dev.modelgate.measure;

import dev.modelgate.catalog.Numbers;
import java.util.Comparator;
import java.util.Locale;

/**
 * The levels of a {@link Capacity} search as CSV, one row per level in the order of load:
 * whether it met the SLO, latencies from the scheduled send (TTFT also from the actual send, and
 * the send lag between them), observed peak, throughput, goodput, counts and what it missed.
 */
public final class CapacityTable {

    public static final String HEADER = "level,metSlo,ttftFromScheduleP50Ms,ttftFromScheduleP95Ms,ttftFromScheduleP99Ms,"
            + "ttftFromSendP95Ms,sendLagP99Ms,itlP95Ms,e2eFromScheduleP95Ms,observedPeak,requestsPerSecond,goodput,n,"
            + "excluded,failures,misses";

    private CapacityTable() {
    }

    public static String csv(Capacity capacity) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        capacity.steps().stream().sorted(Comparator.comparingDouble(Capacity.Step::level)).forEach(s -> {
            LoadResult r = s.result();
            out.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%d,%s,%s,%d,%d,%d,\"%s\"%n",
                    Numbers.exact(Distribution.round(s.level())), s.metSlo(), f(capacity.slo().ttft(r).percentile(50)),
                    f(capacity.slo().ttft(r).percentile(95)), f(capacity.slo().ttft(r).percentile(99)),
                    f(r.ttftFromSend().percentile(95)), f(r.sendLag().percentile(99)), f(r.itl().percentile(95)),
                    f(r.e2eFromSchedule().percentile(95)), r.observedPeak(), f(r.throughput()),
                    f(r.goodput(capacity.slo())), r.samples().size(), r.excluded(), r.failures(),
                    String.join("; ", s.misses()).replace("\"", "'")));
        });
        return out.toString();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }
}
