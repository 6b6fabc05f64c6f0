package dev.modelgate.catalog.preflight;

import java.util.List;

/**
 * One checkpoint the Hub survey found, with the facts it read and where they came from.
 *
 * @param repo               the repository as the Hub spells it
 * @param sha                the commit the facts were read at
 * @param quantization       NVFP4, FP8, GPTQ, AWQ, MXFP4, or {@code null} (unquantized or unmapped)
 * @param totalParametersB   total parameters in billions, or {@code null}
 * @param parametersSource   where the parameter counts were read
 * @param activeParametersB  active parameters in billions (a mixture of experts), or {@code null}
 * @param moe                whether {@code config.json} declares experts; {@code null} when unknown
 * @param modalities         inputs the config or the pipeline tag shows
 * @param contextLength      {@code max_position_embeddings}, or {@code null}
 * @param licence            SPDX id or {@code LicenseRef-…}, or {@code null}
 * @param weightsBytes       the sum of the weight files' sizes, or {@code null}
 * @param weightsSource      which files were summed
 * @param architecture       {@code architectures[0]}, or {@code null}
 * @param modelType          {@code model_type} (top level, else the text config's)
 * @param vllmSupported      whether the built-in vLLM architecture list has it
 * @param fitsBudget         weights at most the memory must-have; {@code null} when either is unknown
 * @param outOfScope         why the checkpoint is outside the survey's scope (empty: in scope)
 * @param catalogueId        the candidate file of this repository, or {@code null} when it is new
 */
record SurveyRow(String repo, String sha, String quantization, String quantizationDetail,
                        Double totalParametersB, String parametersSource, Double activeParametersB, Boolean moe,
                        List<String> modalities, Integer contextLength, String contextSource, String licence,
                        String licenceDetail, Long weightsBytes, String weightsSource, String architecture,
                        String modelType, boolean vllmSupported, Boolean fitsBudget, List<String> outOfScope,
                        String catalogueId) {

    public SurveyRow {
        modalities = List.copyOf(modalities);
        outOfScope = List.copyOf(outOfScope);
    }

    /** Whether no candidate file names this repository. */
    public boolean isNew() {
        return catalogueId == null;
    }

    /** Whether the checkpoint matches every criterion of the survey file. */
    public boolean inScope() {
        return outOfScope.isEmpty();
    }

    /** The weights in GiB, or {@code null}. */
    public Double weightsGiB() {
        return weightsBytes == null ? null : weightsBytes / (double) (1L << 30);
    }
}
