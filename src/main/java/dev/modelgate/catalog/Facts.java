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
 * @param weightsBytes  the size of the weight files in bytes (the sum of the checkpoint's
 *                      {@code *.safetensors} or the GGUF file): a lower bound of the memory the model holds
 * @param weightsSource where {@code weightsBytes} was read, e.g. the Hub's file sizes of the repository
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
        String notes,
        Long weightsBytes,
        String weightsSource) {

    public static final Facts UNKNOWN = new Facts(null, null, null, null, null, null, null, null, null, null);

    /** Facts without the size of the weight files. */
    public Facts(String architecture, Double totalParametersB, Double activeParametersB, Boolean moe,
                 String quantization, String license, Integer contextLength, List<String> modalities,
                 List<String> unconfirmed, String notes) {
        this(architecture, totalParametersB, activeParametersB, moe, quantization, license, contextLength,
                modalities, unconfirmed, notes, null, null);
    }

    public Facts {
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
        unconfirmed = unconfirmed == null ? List.of() : List.copyOf(unconfirmed);
    }

    /** The weight files in GiB (2^30 bytes), or {@code null} when their size is not declared. */
    public Double weightsGiB() {
        return weightsBytes == null ? null : weightsBytes / (double) (1L << 30);
    }

    public boolean accepts(String modality) {
        return modalities.contains(modality);
    }
}
