package dev.modelgate.catalog;

import java.util.List;

/**
 * Static facts declared about a candidate, checked by the static requirement tests before
 * anything boots. A {@code null} field is unknown; {@code unconfirmed} lists the fields whose
 * value could not be confirmed from a primary source.
 *
 * @param license       SPDX id, or a {@code LicenseRef-…} id for licences SPDX does not list
 * @param contextLength declared maximum context in tokens
 * @param modalities    input modalities: {@code text}, {@code image}, {@code audio}, {@code video}
 */
public record Facts(
        String architecture,
        Double totalParametersB,
        Double activeParametersB,
        Boolean moe,
        String quantization,
        String license,
        Integer contextLength,
        List<String> modalities,
        List<String> unconfirmed,
        String notes) {

    public static final Facts UNKNOWN = new Facts(null, null, null, null, null, null, null, null, null, null);

    public Facts {
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
        unconfirmed = unconfirmed == null ? List.of() : List.copyOf(unconfirmed);
    }

    public boolean accepts(String modality) {
        return modalities.contains(modality);
    }
}
