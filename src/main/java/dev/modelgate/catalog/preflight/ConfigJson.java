package dev.modelgate.catalog.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the architecture, context length and quantization from a model's {@code config.json}. */
final class ConfigJson {

    /** Where multimodal and wrapper configs keep the language model's settings. */
    private static final List<String> NESTED = List.of("text_config", "llm_config", "language_config");

    /** The context length and where it was read. */
    record Context(int tokens, String source) {
    }

    /** A quantization method in this project's terms ({@code null} if unmapped) and the raw fields. */
    record Method(String quantization, String detail) {
    }

    private final JsonNode tree;

    private ConfigJson(JsonNode tree) {
        this.tree = tree;
    }

    static ConfigJson parse(String json) {
        try {
            return new ConfigJson(YamlDocuments.JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("config.json is not valid JSON: " + e.getMessage(), e);
        }
    }

    String architecture() {
        JsonNode first = tree.path("architectures").path(0);
        return first.isTextual() ? first.asText() : null;
    }

    /** The context length, or empty when no level declares {@code max_position_embeddings}. */
    Optional<Context> context() {
        if (tree.path("max_position_embeddings").canConvertToInt()) {
            return Optional.of(new Context(tree.get("max_position_embeddings").asInt(),
                    "config.json max_position_embeddings"));
        }
        for (String nested : NESTED) {
            JsonNode value = tree.path(nested).path("max_position_embeddings");
            if (value.canConvertToInt()) {
                return Optional.of(new Context(value.asInt(), "config.json " + nested + ".max_position_embeddings"));
            }
        }
        return Optional.empty();
    }

    /** The {@code quantization_config} block, at the top level or in a nested text config. */
    Optional<JsonNode> quantizationConfig() {
        if (tree.path("quantization_config").isObject()) {
            return Optional.of(tree.get("quantization_config"));
        }
        return NESTED.stream().map(n -> tree.path(n).path("quantization_config")).filter(JsonNode::isObject)
                .findFirst();
    }

    /** The raw tree, for readers of fields this class does not name. */
    JsonNode tree() {
        return tree;
    }

    /** ModelOpt's {@code hf_quant_config.json} keeps the method in a {@code quantization} block. */
    Optional<JsonNode> modelOptBlock() {
        return tree.path("quantization").isObject() ? Optional.of(tree.get("quantization")) : Optional.empty();
    }

    /**
     * The method of a {@code quantization_config} (or of ModelOpt's {@code hf_quant_config.json}
     * {@code quantization} block) in this project's terms, with the raw fields that decided it.
     */
    static Method method(JsonNode config) {
        String quantMethod = config.path("quant_method").asText("");
        String algo = config.path("quant_algo").asText("");
        String method = quantMethod.toLowerCase(Locale.ROOT);
        return switch (method) {
            case "fp8" -> new Method("FP8", "quant_method=fp8");
            case "mxfp4" -> new Method("MXFP4", "quant_method=mxfp4");
            case "gptq", "gptq_marlin" -> new Method("GPTQ", "quant_method=" + quantMethod);
            case "awq", "awq_marlin" -> new Method("AWQ", "quant_method=" + quantMethod);
            case "modelopt", "modelopt_fp4", "" -> algo.equalsIgnoreCase("MIXED_PRECISION")
                    ? mixed(config, quantMethod) : modelOpt(quantMethod, algo);
            case "compressed-tensors" -> compressedTensors(config);
            default -> new Method(null, "quant_method=" + quantMethod);
        };
    }

    private static Method modelOpt(String quantMethod, String algo) {
        String detail = (quantMethod.isEmpty() ? "" : "quant_method=" + quantMethod + ", ") + "quant_algo=" + algo;
        String upper = algo.toUpperCase(Locale.ROOT);
        if (upper.equals("NVFP4") || (upper.isEmpty() && quantMethod.equals("modelopt_fp4"))) {
            return new Method("NVFP4", detail);
        }
        if (upper.equals("FP8")) {
            return new Method("FP8", detail);
        }
        return new Method(null, detail);
    }

    /** ModelOpt MIXED_PRECISION: the layers name their own algorithms; NVFP4 experts make it an NVFP4 checkpoint. */
    private static Method mixed(JsonNode config, String quantMethod) {
        TreeSet<String> algos = new TreeSet<>();
        config.path("quantized_layers").forEach(layer -> algos.add(layer.path("quant_algo").asText("")));
        algos.remove("");
        String detail = (quantMethod.isEmpty() ? "" : "quant_method=" + quantMethod + ", ")
                + "quant_algo=MIXED_PRECISION (" + String.join(", ", algos) + ")";
        return new Method(algos.contains("NVFP4") ? "NVFP4" : algos.equals(Set.of("FP8")) ? "FP8" : null, detail);
    }

    private static Method compressedTensors(JsonNode config) {
        TreeSet<String> formats = new TreeSet<>();
        List<Integer> weightBits = new ArrayList<>();
        List<String> weightTypes = new ArrayList<>();
        if (config.path("format").isTextual()) {
            formats.add(config.get("format").asText());
        }
        config.path("config_groups").forEach(group -> {
            if (group.path("format").isTextual()) {
                formats.add(group.get("format").asText());
            }
            weightBits.add(group.path("weights").path("num_bits").asInt(0));
            weightTypes.add(group.path("weights").path("type").asText(""));
        });
        String detail = "quant_method=compressed-tensors, format=" + String.join("+", formats);
        if (formats.contains("nvfp4-pack-quantized")) {
            return new Method("NVFP4", detail);
        }
        boolean allFloat8 = !weightBits.isEmpty() && weightBits.stream().allMatch(b -> b == 8)
                && weightTypes.stream().allMatch("float"::equals);
        if (allFloat8 || (weightBits.isEmpty() && formats.equals(new TreeSet<>(List.of("float-quantized"))))) {
            return new Method("FP8", detail);
        }
        return new Method(null, detail);
    }
}
