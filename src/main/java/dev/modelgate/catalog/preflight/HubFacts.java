package dev.modelgate.catalog.preflight;

/**
 * The facts the Hub shows for a model repository, read from {@code config.json} (and
 * {@code hf_quant_config.json}) and the model card's front matter. A {@code null} field was not found.
 *
 * @param architecture       {@code architectures[0]}
 * @param contextLength      {@code max_position_embeddings}, at the top level or in a nested text config
 * @param contextSource      where the context was read, e.g. {@code config.json text_config.max_position_embeddings}
 * @param quantization       the method in this project's terms ({@code NVFP4}, {@code FP8}, {@code GPTQ}, {@code AWQ});
 *                           {@code null} for unquantized weights or a method the preflight does not map
 * @param quantizationDetail what the files say, e.g. {@code quant_method=modelopt, quant_algo=NVFP4}
 * @param license            the card's licence as an SPDX id or {@code LicenseRef-…}
 * @param licenseDetail      what the card says, e.g. {@code license: other, license_name: nvidia-open-model-license}
 */
record HubFacts(
        String architecture,
        Integer contextLength,
        String contextSource,
        String quantization,
        String quantizationDetail,
        String license,
        String licenseDetail) {
}
