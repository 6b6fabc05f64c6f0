package dev.modelgate.measure.memory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory a ready, warmed-up model holds, and how it was measured.
 *
 * @param gib     the footprint in GiB (unrounded)
 * @param method  {@code nvidia-smi}, {@code unified-memory}, {@code ollama-api-ps} or {@code process-rss}
 * @param details figures behind the value (per process, before/after, cross-checks), for the result file
 * @param notes   sentences for the report: how the value was obtained, fallbacks, disagreements
 * @param outputs the raw outputs of the tools asked (name → text), to attach
 */
public record MemoryReading(double gib, String method, Map<String, Object> details, List<String> notes,
                            Map<String, String> outputs) {

    public static final String NVIDIA_SMI = "nvidia-smi";
    public static final String UNIFIED_MEMORY = "unified-memory";
    public static final String OLLAMA_API_PS = "ollama-api-ps";
    public static final String PROCESS_RSS = "process-rss";

    public MemoryReading {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        notes = List.copyOf(notes);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** The footprint as reported: GiB with two decimals. */
    public double value() {
        return Gib.round(gib);
    }
}
