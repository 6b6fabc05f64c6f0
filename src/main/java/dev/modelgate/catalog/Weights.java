package dev.modelgate.catalog;

/** The score weights of SPEC §5; they need not sum to 1 but usually do. */
public record Weights(double quality, double performance, double vision, double memory, double stability) {

    public static final Weights DEFAULTS = new Weights(0.40, 0.25, 0.20, 0.10, 0.05);
}
