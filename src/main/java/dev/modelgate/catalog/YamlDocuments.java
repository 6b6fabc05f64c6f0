package dev.modelgate.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads YAML files into JSON trees and validates them against the JSON Schemas shipped with the
 * project under {@code dev/modelgate/schema/}. Problems go to a {@link Problems} collector with
 * the file and the field path, so that a whole catalogue is checked in one pass.
 */
public final class YamlDocuments {

    public static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory()).build();
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    // Field paths in the "$.a.b[2]" form that Problem documents (the validator's default is a JSON pointer).
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private YamlDocuments() {
    }

    /**
     * Parses {@code file} and validates it against schema {@code schemaName} (e.g. {@code "candidate"}
     * for {@code dev/modelgate/schema/candidate.schema.json}).
     *
     * @return the tree when it parsed and matched the schema; empty when a problem was recorded
     */
    public static Optional<JsonNode> read(Path file, String displayName, String schemaName, Problems problems) {
        JsonNode tree;
        try {
            try (InputStream in = Files.newInputStream(file)) { // a path in a jar has no File
                tree = YAML.readTree(in);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(displayName, where, "not valid YAML: " + yamlProblem(e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(displayName, "$", "cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            problems.add(displayName, "$", "the file is empty; expected a YAML mapping");
            return Optional.empty();
        }
        int before = problems.list().size();
        validate(tree, displayName, schemaName, problems);
        return problems.list().size() == before ? Optional.of(tree) : Optional.empty();
    }

    /**
     * Validates a tree against a shipped schema, recording each violation with its field path.
     * Where a field matches none of several allowed forms ({@code oneOf}/{@code anyOf}), the
     * validator's per-alternative complaints are replaced by one message: the {@code description}
     * of the schema that lists the forms.
     */
    public static void validate(JsonNode tree, String displayName, String schemaName, Problems problems) {
        JsonNode rawSchema = RAW.get(schemaName);
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (Error error : schema(schemaName).validate(tree)) {
            String path = jsonPath(error.getInstanceLocation().toString());
            String fragment = error.getSchemaLocation().getFragment().toString();
            java.util.regex.Matcher alternative = ALTERNATIVE.matcher(fragment);
            if (alternative.find()) {
                String owner = alternative.group(1);
                if (reported.add(path + "|" + owner)) {
                    JsonNode description = rawSchema == null ? null : rawSchema.at(owner).get("description");
                    problems.add(displayName, path, description != null ? description.asText()
                            : "matches none of the allowed forms");
                }
                continue;
            }
            String message = error.getMessage();
            // The validator prefixes messages with the location; keep only the explanation.
            String prefix = error.getInstanceLocation() + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
            if (error.getProperty() != null && "additionalProperties".equals(error.getKeyword())) {
                message = "unknown field '" + error.getProperty() + "' (not in the schema; check its spelling)";
            }
            if (error.getProperty() != null && "required".equals(error.getKeyword())) {
                message = "missing required field '" + error.getProperty() + "'";
            }
            problems.add(displayName, path, message);
        }
    }

    /** The schema pointer that owns a {@code oneOf}/{@code anyOf} in a schema location fragment. */
    private static final java.util.regex.Pattern ALTERNATIVE = java.util.regex.Pattern.compile("^(.*?)/(?:oneOf|anyOf)(?:/|$)");
    private static final Map<String, JsonNode> RAW = new ConcurrentHashMap<>();

    /** {@code /engine/args/2} → {@code $.engine.args[2]}: the form messages use for field paths. */
    static String jsonPath(String pointer) {
        if (pointer.startsWith("$")) {
            return pointer;
        }
        StringBuilder out = new StringBuilder("$");
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String s = segment.replace("~1", "/").replace("~0", "~");
            out.append(s.matches("[0-9]+") ? "[" + s + "]" : "." + s);
        }
        return out.toString();
    }

    /** SnakeYAML's message without the echoed source lines, on one line. */
    static String yamlProblem(String message) {
        StringBuilder out = new StringBuilder();
        String[] lines = message.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" in '") || line.startsWith(" in \"")) {
                i += 2; // the echoed source line and the caret under it
                continue;
            }
            if (!line.isBlank()) {
                out.append(out.length() == 0 ? "" : "; ").append(line.strip());
            }
        }
        return out.toString();
    }

    private static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            String resource = "/dev/modelgate/schema/" + n + ".schema.json";
            try (InputStream in = YamlDocuments.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + resource + " is not on the class path");
                }
                JsonNode raw = JSON.readTree(in);
                RAW.put(n, raw);
                return REGISTRY.getSchema(raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Whether a regular file exists and is a YAML file. */
    public static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }
}
