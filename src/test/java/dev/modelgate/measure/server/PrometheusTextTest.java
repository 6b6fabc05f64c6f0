package dev.modelgate.measure.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus text format as vLLM's /metrics (prometheus_client) writes it, and its corner cases. */
class PrometheusTextTest {

    /** vLLM's shape: HELP/TYPE lines, engine and model_name labels, counters with _total, histograms with le. */
    static String vllm(String model, double ttftCount, double ttftSum, double[] cumulative, double prompt,
                       double generation) {
        String labels = "engine=\"0\",model_name=\"" + model + "\"";
        double[] bounds = {0.1, 0.25, 0.5, 1.0};
        StringBuilder sb = new StringBuilder()
                .append("# HELP vllm:time_to_first_token_seconds Histogram of time to first token in seconds.\n")
                .append("# TYPE vllm:time_to_first_token_seconds histogram\n");
        for (int i = 0; i < bounds.length; i++) {
            sb.append("vllm:time_to_first_token_seconds_bucket{").append(labels).append(",le=\"").append(bounds[i])
                    .append("\"} ").append(cumulative[i]).append('\n');
        }
        sb.append("vllm:time_to_first_token_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
                .append(ttftCount).append('\n')
                .append("vllm:time_to_first_token_seconds_count{").append(labels).append("} ").append(ttftCount).append('\n')
                .append("vllm:time_to_first_token_seconds_sum{").append(labels).append("} ").append(ttftSum).append('\n')
                .append("# HELP vllm:prompt_tokens_total Number of prefill tokens processed.\n")
                .append("# TYPE vllm:prompt_tokens_total counter\n")
                .append("vllm:prompt_tokens_total{").append(labels).append("} ").append(prompt).append('\n')
                .append("# HELP vllm:generation_tokens_total Number of generation tokens processed.\n")
                .append("# TYPE vllm:generation_tokens_total counter\n")
                .append("vllm:generation_tokens_total{").append(labels).append("} ").append(generation).append('\n')
                .append("# HELP vllm:num_requests_running Number of requests in model execution batches.\n")
                .append("# TYPE vllm:num_requests_running gauge\n")
                .append("vllm:num_requests_running{").append(labels).append("} 0.0\n");
        return sb.toString();
    }

    @Test
    void readsSamplesWithLabelsAndSkipsComments() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(vllm("m", 4, 1.2, new double[] {0, 3, 4, 4}, 100, 64));

        assertThat(samples).hasSize(4 + 1 + 2 + 2 + 1);
        PrometheusText.Sample inf = samples.get(4);
        assertThat(inf.name()).isEqualTo("vllm:time_to_first_token_seconds_bucket");
        assertThat(inf.labels()).containsExactly(Map.entry("engine", "0"), Map.entry("model_name", "m"),
                Map.entry("le", "+Inf"));
        assertThat(inf.value()).isEqualTo(4.0);
    }

    @Test
    void escapesSpecialValuesAndTimestamps() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                a{path="C:\\\\dir",quote="say \\"hi\\"",nl="x\\ny"} NaN
                b +Inf 1700000000000
                c{} -Inf
                d{x="1",} 1.5e-3
                   \r
                """);

        assertThat(samples.get(0).labels()).containsEntry("path", "C:\\dir").containsEntry("quote", "say \"hi\"")
                .containsEntry("nl", "x\ny");
        assertThat(samples.get(0).value()).isNaN();
        assertThat(samples.get(1).value()).isInfinite().isPositive();
        assertThat(samples.get(2).value()).isInfinite().isNegative();
        assertThat(samples.get(3).labels()).containsExactly(Map.entry("x", "1"));
        assertThat(samples.get(3).value()).isCloseTo(0.0015, within(1e-12));
    }

    @Test
    void aBrokenLineIsNamed() {
        assertThatThrownBy(() -> PrometheusText.parse("# ok\nok 1\nbad{le=\"1} 2\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 3 of the metrics text is not a sample (the value of label le is not"
                        + " closed with \")");
        assertThatThrownBy(() -> PrometheusText.parse("x one\n"))
                .hasMessageContaining("'one' is not a number");
    }

    @Test
    void onlyTheServedModelsSamplesCountAndLabelSetsAreSummed() {
        String two = vllm("m", 4, 1.2, new double[] {0, 3, 4, 4}, 100, 64)
                + vllm("other", 9, 9, new double[] {9, 9, 9, 9}, 999, 999).replaceAll("(?m)^#.*\\n", "");
        ServerMetrics metrics = ServerMetrics.parse(two, "m");

        assertThat(metrics.counter(ServerMetrics.PROMPT_TOKENS)).hasValue(100.0);
        Histogram ttft = metrics.histogram(ServerMetrics.TTFT);
        assertThat(ttft.count()).isEqualTo(4.0);
        assertThat(ttft.sum()).isEqualTo(1.2);
        assertThat(ttft.buckets()).hasSize(5);
    }

    @Test
    void theMedianIsInterpolatedInItsBucketAsHistogramQuantileDoes() {
        // 10 observations: 2 ≤ 0.1 s, 6 more ≤ 0.25 s, 2 more ≤ 0.5 s. Rank 5 lies in (0.1, 0.25]: 3 of its 6.
        Histogram h = ServerMetrics.parse(vllm("m", 10, 2.0, new double[] {2, 8, 10, 10}, 0, 0), "m")
                .histogram(ServerMetrics.TTFT);

        assertThat(h.quantile(0.5).getAsDouble()).isCloseTo(0.1 + 0.15 * 3 / 6, within(1e-12));
        assertThat(h.quantileBucket(0.5)).containsExactly(0.1, 0.25);
        assertThat(h.mean()).hasValue(0.2);
        Histogram before = ServerMetrics.parse(vllm("m", 2, 0.1, new double[] {2, 2, 2, 2}, 0, 0), "m")
                .histogram(ServerMetrics.TTFT);
        Histogram delta = h.minus(before);
        assertThat(delta.count()).isEqualTo(8.0);
        assertThat(delta.quantile(0.5).getAsDouble()).as("rank 4 of the 6 in (0.1, 0.25]")
                .isCloseTo(0.1 + 0.15 * 4 / 6, within(1e-12));
    }
}
