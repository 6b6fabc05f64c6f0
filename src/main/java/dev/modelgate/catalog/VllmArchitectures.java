package dev.modelgate.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The model architectures ({@code config.json architectures[0]}) that vLLM serves, as kept in the
 * project resource {@value #RESOURCE} together with the vLLM release the list describes.
 */
public final class VllmArchitectures {

    /** Class-path location of the list. */
    public static final String RESOURCE = "dev/modelgate/vllm/architectures.yaml";

    private static volatile VllmArchitectures builtIn;

    private final String vllmVersion;
    private final Set<String> names;

    private VllmArchitectures(String vllmVersion, Set<String> names) {
        this.vllmVersion = vllmVersion;
        this.names = Collections.unmodifiableSet(names);
    }

    /** The list shipped with the project. */
    public static VllmArchitectures builtIn() {
        VllmArchitectures loaded = builtIn;
        if (loaded == null) {
            loaded = load();
            builtIn = loaded;
        }
        return loaded;
    }

    /** The vLLM release the list describes, e.g. {@code 0.20.0}. */
    public String vllmVersion() {
        return vllmVersion;
    }

    /** Every architecture name in the list. */
    public Set<String> names() {
        return names;
    }

    /** Whether vLLM serves {@code architecture} (exact, case-sensitive: config.json spells it so). */
    public boolean supports(String architecture) {
        return architecture != null && names.contains(architecture);
    }

    private static VllmArchitectures load() {
        try (InputStream in = VllmArchitectures.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            JsonNode tree = YamlDocuments.YAML.readTree(in);
            String version = tree.path("vllmVersion").asText(null);
            if (version == null || version.isBlank()) {
                throw new IllegalStateException(RESOURCE + " has no vllmVersion");
            }
            Set<String> names = new LinkedHashSet<>();
            tree.path("textGeneration").forEach(n -> names.add(n.asText()));
            tree.path("multimodal").forEach(n -> names.add(n.asText()));
            tree.path("addedSince").forEach(n -> names.add(n.path("name").asText()));
            names.remove("");
            return new VllmArchitectures(version, names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
