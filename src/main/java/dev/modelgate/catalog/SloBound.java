package dev.modelgate.catalog;

/**
 * One entry of the {@code slo:} block of {@code requirements.yaml}: {@code metric} ({@code ttft},
 * {@code itl} or {@code e2e}) at {@code percentile} must stay strictly below {@code limitMs}.
 */
public record SloBound(String metric, double percentile, double limitMs) {
}
