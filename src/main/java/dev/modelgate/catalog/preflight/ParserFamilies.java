package dev.modelgate.catalog.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * vLLM's tool-call and reasoning parsers per model family ({@value #RESOURCE}), matched on the
 * {@code model_type} of a checkpoint's {@code config.json}; each entry names its source.
 */
final class ParserFamilies {

    static final String RESOURCE = "dev/modelgate/survey/parsers.yaml";

    /** One family: the model types it covers, its parsers and extra serve arguments, and where they come from. */
    record Family(String name, List<String> modelTypes, String toolParser, String reasoningParser,
                  List<String> extraArgs, String source) {
    }

    private final List<Family> families;

    private ParserFamilies(List<Family> families) {
        this.families = List.copyOf(families);
    }

    static ParserFamilies builtIn() {
        try (InputStream in = ParserFamilies.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            List<Family> families = new ArrayList<>();
            for (JsonNode f : YamlDocuments.YAML.readTree(in).path("families")) {
                List<String> types = new ArrayList<>();
                f.path("modelTypes").forEach(t -> types.add(t.asText()));
                List<String> extra = new ArrayList<>();
                f.path("extraArgs").forEach(a -> extra.add(a.asText()));
                families.add(new Family(f.path("name").asText(), types, f.path("toolParser").asText(null),
                        f.path("reasoningParser").asText(null), extra, f.path("source").asText()));
            }
            return new ParserFamilies(families);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The family of a {@code model_type} (also of a nested text config's), if the table has one. */
    Optional<Family> of(String modelType) {
        if (modelType == null) {
            return Optional.empty();
        }
        String type = modelType.toLowerCase(Locale.ROOT);
        return families.stream().filter(f -> f.modelTypes().contains(type)).findFirst();
    }
}
