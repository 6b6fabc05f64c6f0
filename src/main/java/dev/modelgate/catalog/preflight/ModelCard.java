package dev.modelgate.catalog.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** Reads the licence from the YAML front matter of a model card ({@code README.md}). */
final class ModelCard {

    /** Hub licence ids whose SPDX form differs from a capitalisation change, and Hub-only licences. */
    private static final Map<String, String> HUB_TO_SPDX = Map.ofEntries(
            Map.entry("apache-2.0", "Apache-2.0"),
            Map.entry("mit", "MIT"),
            Map.entry("bsd-3-clause", "BSD-3-Clause"),
            Map.entry("cc-by-4.0", "CC-BY-4.0"),
            Map.entry("cc-by-nc-4.0", "CC-BY-NC-4.0"),
            Map.entry("gemma", "LicenseRef-Gemma-Terms-of-Use"),
            Map.entry("llama3", "LicenseRef-Llama-3-Community-License"),
            Map.entry("llama3.1", "LicenseRef-Llama-3.1-Community-License"),
            Map.entry("llama3.2", "LicenseRef-Llama-3.2-Community-License"),
            Map.entry("llama3.3", "LicenseRef-Llama-3.3-Community-License"),
            Map.entry("llama4", "LicenseRef-Llama-4-Community-License"),
            Map.entry("nvidia-open-model-license", "LicenseRef-NVIDIA-Open-Model-License"));

    /** The card's licence as an SPDX id or {@code LicenseRef-…} ({@code null}: none), and what the card says. */
    record Licence(String spdx, String detail) {
    }

    private ModelCard() {
    }

    static Licence license(String readme) {
        String frontMatter = frontMatter(readme);
        if (frontMatter == null) {
            return new Licence(null, "README.md has no YAML front matter");
        }
        JsonNode tree;
        try {
            tree = YamlDocuments.YAML.readTree(frontMatter);
        } catch (IOException e) {
            return new Licence(null, "README.md front matter is not valid YAML: " + e.getMessage());
        }
        if (tree == null || !tree.path("license").isTextual()) {
            return new Licence(null, "README.md front matter has no license");
        }
        String license = tree.get("license").asText().trim();
        String name = tree.path("license_name").asText("").trim();
        if (license.equalsIgnoreCase("other") && !name.isEmpty()) {
            return new Licence(spdx(name), "license: other, license_name: " + name);
        }
        return new Licence(spdx(license), "license: " + license);
    }

    static String spdx(String hubId) {
        String known = HUB_TO_SPDX.get(hubId.toLowerCase(Locale.ROOT));
        return known != null ? known : "LicenseRef-" + hubId;
    }

    private static String frontMatter(String readme) {
        String text = readme.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("---\n")) {
            return null;
        }
        int end = text.indexOf("\n---", 4);
        return end < 0 ? null : text.substring(4, end + 1);
    }
}
