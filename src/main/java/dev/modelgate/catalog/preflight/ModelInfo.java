package dev.modelgate.catalog.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Hub's model info ({@code /api/models/<repo>?blobs=true}): the repository's canonical id and
 * commit, its files with their sizes ({@code siblings[].size}), the safetensors element count, the
 * pipeline tag and the card's parsed front matter ({@code cardData}).
 */
final class ModelInfo {

    /** The weight files a checkpoint loads, in the order the Hub lists them. */
    record WeightFiles(List<String> names, long bytes, String kind) {
    }

    private final JsonNode tree;

    private ModelInfo(JsonNode tree) {
        this.tree = tree;
    }

    static ModelInfo parse(String json) {
        try {
            return new ModelInfo(YamlDocuments.JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("the Hub's model info is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The id as the Hub spells it (the Hub answers any capitalisation with its own). */
    String id() {
        return tree.path("id").asText(tree.path("modelId").asText(null));
    }

    /** The commit of the default branch, or {@code null}. */
    String sha() {
        return tree.path("sha").asText(null);
    }

    String pipelineTag() {
        return tree.path("pipeline_tag").asText("");
    }

    List<String> tags() {
        List<String> tags = new ArrayList<>();
        tree.path("tags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    /** {@code safetensors.total}: stored tensor elements (a packed 4-bit byte counts once for two weights). */
    Optional<Long> safetensorsTotal() {
        JsonNode total = tree.path("safetensors").path("total");
        return total.canConvertToLong() ? Optional.of(total.asLong()) : Optional.empty();
    }

    /** {@code config} as the API summarises it (architectures, model_type, quantization_config). */
    JsonNode config() {
        return tree.path("config");
    }

    /** The card's licence from {@code cardData}, as {@code license} or {@code license_name} when it is {@code other}. */
    Optional<String> cardLicence() {
        JsonNode card = tree.path("cardData");
        String license = card.path("license").asText("");
        if (license.equalsIgnoreCase("other") && card.path("license_name").isTextual()) {
            return Optional.of(card.get("license_name").asText());
        }
        return license.isEmpty() ? Optional.empty() : Optional.of(license);
    }

    /**
     * The weight files and the sum of their sizes: every {@code *.safetensors}, else every
     * {@code *.gguf}, else every {@code pytorch_model*.bin}; empty when the Hub lists no sizes
     * (model info read without {@code blobs=true}) or no weight file.
     */
    Optional<WeightFiles> weightFiles() {
        for (String kind : List.of(".safetensors", ".gguf", ".bin")) {
            List<String> names = new ArrayList<>();
            long bytes = 0;
            boolean sized = true;
            for (JsonNode file : tree.path("siblings")) {
                String name = file.path("rfilename").asText("");
                if (name.endsWith(kind) && (!kind.equals(".bin") || name.startsWith("pytorch_model"))) {
                    names.add(name);
                    JsonNode size = file.path("size").canConvertToLong() ? file.get("size") : file.path("lfs").path("size");
                    sized &= size.canConvertToLong();
                    bytes += size.asLong(0);
                }
            }
            if (!names.isEmpty()) {
                return sized ? Optional.of(new WeightFiles(names, bytes, kind)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
