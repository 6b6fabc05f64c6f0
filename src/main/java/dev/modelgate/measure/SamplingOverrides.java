package dev.modelgate.measure;

import dev.modelgate.catalog.Sampling;
import dev.modelgate.catalog.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the settings {@code modelgate.samples}, {@code modelgate.warmup},
 * {@code modelgate.concurrency} (levels, comma-separated, e.g. {@code 1,4,16}),
 * {@code modelgate.requestTimeout} and {@code modelgate.idleTimeout} (seconds) over the sampling
 * plan of {@code requirements.yaml}.
 */
public final class SamplingOverrides {

    private SamplingOverrides() {
    }

    /**
     * The plan with the overrides that are set.
     *
     * @throws IllegalArgumentException naming the setting, its value and the expected form
     */
    public static Sampling apply(Sampling plan, Settings settings) {
        Sampling out = plan;
        int samples = settings.getInt(Settings.SAMPLES, plan.samples());
        if (samples < 1) {
            throw new IllegalArgumentException("Configuration error: " + Settings.SAMPLES + "=" + samples
                    + " must be at least 1");
        }
        out = out.withSamples(samples);
        int warmup = settings.getInt(Settings.WARMUP, plan.warmup());
        if (warmup < 0) {
            throw new IllegalArgumentException("Configuration error: " + Settings.WARMUP + "=" + warmup
                    + " must be 0 or more");
        }
        out = out.withWarmup(warmup);
        double request = settings.getDouble(Settings.REQUEST_TIMEOUT, plan.requestTimeoutSeconds());
        double idle = settings.getDouble(Settings.IDLE_TIMEOUT, plan.idleTimeoutSeconds());
        if (!(request > 0) || !(idle > 0)) {
            throw new IllegalArgumentException("Configuration error: " + Settings.REQUEST_TIMEOUT + "=" + request
                    + " and " + Settings.IDLE_TIMEOUT + "=" + idle + " must be more than 0 seconds");
        }
        out = out.withTimeouts(request, idle);
        String levels = settings.get(Settings.CONCURRENCY).orElse(null);
        if (levels != null) {
            out = out.withConcurrency(levels(levels));
        }
        return out;
    }

    private static List<Integer> levels(String text) {
        List<Integer> levels = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int level = Integer.parseInt(part.trim());
                if (level < 1) {
                    throw new NumberFormatException();
                }
                levels.add(level);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Configuration error: " + Settings.CONCURRENCY + "=" + text
                        + " must list concurrency levels of 1 or more, comma-separated (e.g. 1,4,16,64); '"
                        + part.trim() + "' is not one", e);
            }
        }
        return List.copyOf(levels);
    }
}
