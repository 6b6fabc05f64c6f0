package dev.modelgate.measure;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The raw samples as CSV, one request a row, exact values (no histogram), for the report's attachments. */
public final class SamplesCsv {

    static final String HEADER = "series,index,ttft_ms,ttfb_ms,e2e_ms,output_events,completion_tokens,decode_tok_s,"
            + "itl_mean_ms,itl_max_ms,schedule_lag_ms,finish_reason,usage,usage_problem,answer_ms,reasoning_ms,"
            + "reasoning_tokens,first_event_tokens,decode_estimate";

    private SamplesCsv() {
    }

    public static String of(List<Sample> samples) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Sample s : samples) {
            OptionalDouble itlMean = s.itlMs().stream().mapToDouble(Double::doubleValue).average();
            OptionalDouble itlMax = s.itlMs().stream().mapToDouble(Double::doubleValue).max();
            sb.append(field(s.series())).append(',')
                    .append(s.index()).append(',')
                    .append(number(s.ttftMs())).append(',')
                    .append(number(s.ttfbMs())).append(',')
                    .append(number(s.e2eMs())).append(',')
                    .append(s.outputEvents()).append(',')
                    .append(number(s.completionTokens())).append(',')
                    .append(number(s.decodeTokensPerSecond())).append(',')
                    .append(number(itlMean)).append(',')
                    .append(number(itlMax)).append(',')
                    .append(number(s.scheduleLagMs())).append(',')
                    .append(field(s.finishReason())).append(',')
                    .append(s.usage().status().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(field(s.usage().reason())).append(',')
                    .append(number(s.answerMs())).append(',')
                    .append(number(s.reasoningMs())).append(',')
                    .append(number(s.reasoningTokens())).append(',')
                    .append(s.countedEveryEvent() ? String.valueOf(s.tokensPerEvent().get(0)) : "").append(',')
                    .append(s.decodeEstimate()).append('\n');
        }
        return sb.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : "";
    }

    private static String number(OptionalInt v) {
        return v.isPresent() ? String.valueOf(v.getAsInt()) : "";
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
