package dev.modelgate.measure.memory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * No method could measure the memory the model holds. The message starts with
 * {@code "cannot measure: "} and says what was tried and how to make it measurable; a test that
 * gets this is broken (never passed, never given 0).
 */
public class CannotMeasure extends RuntimeException {

    private final Map<String, String> outputs;

    public CannotMeasure(String reason, Map<String, String> outputs) {
        super("cannot measure: " + reason);
        this.outputs = Map.copyOf(new LinkedHashMap<>(outputs));
    }

    public CannotMeasure(String reason) {
        this(reason, Map.of());
    }

    /** The raw outputs of the tools that were asked (name → text), for the report. */
    public Map<String, String> outputs() {
        return outputs;
    }
}
