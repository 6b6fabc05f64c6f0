package dev.modelgate.measure.server;

import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One scrape of a server's {@code /metrics} (Prometheus text), read for one served model: where a
 * metric carries vLLM's {@code model_name} label, only that model's samples count; label sets
 * (engines, data-parallel ranks) are summed.
 */
public final class ServerMetrics {

    public static final String TTFT = "vllm:time_to_first_token_seconds";
    public static final String PROMPT_TOKENS = "vllm:prompt_tokens_total";
    public static final String GENERATION_TOKENS = "vllm:generation_tokens_total";

    private final List<PrometheusText.Sample> samples;
    private final String model;

    private ServerMetrics(List<PrometheusText.Sample> samples, String model) {
        this.samples = List.copyOf(samples);
        this.model = model;
    }

    public static ServerMetrics parse(String text, String model) {
        return new ServerMetrics(PrometheusText.parse(text), model);
    }

    /** Whether the scrape has a sample named {@code name}. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The counter {@code name} summed over this model's label sets; empty when the scrape lacks it. */
    public OptionalDouble counter(String name) {
        List<PrometheusText.Sample> mine = mine(name);
        return mine.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(mine.stream().mapToDouble(PrometheusText.Sample::value).sum());
    }

    /** The histogram {@code base} ({@code _bucket}, {@code _sum}, {@code _count}) summed over this model's label sets. */
    public Histogram histogram(String base) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (PrometheusText.Sample s : mine(base + "_bucket")) {
            String le = s.label("le");
            if (le != null) {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, s.value(), Double::sum);
            }
        }
        double sum = mine(base + "_sum").stream().mapToDouble(PrometheusText.Sample::value).sum();
        double count = mine(base + "_count").stream().mapToDouble(PrometheusText.Sample::value).sum();
        return new Histogram(buckets, sum, count);
    }

    private List<PrometheusText.Sample> mine(String name) {
        List<PrometheusText.Sample> named = samples.stream().filter(s -> s.name().equals(name)).toList();
        boolean labelled = named.stream().anyMatch(s -> s.label("model_name") != null);
        return labelled ? named.stream().filter(s -> model.equals(s.label("model_name"))).toList() : named;
    }
}
