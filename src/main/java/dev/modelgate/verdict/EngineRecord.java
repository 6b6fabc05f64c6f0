package dev.modelgate.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * {@code engine} in a result file: which engine served the candidate, the version it reported
 * ({@code null} before boot or when unknown), and engine details (command, pid, container …).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EngineRecord(String type, String version, Map<String, String> details) {

    public EngineRecord {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
