package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks an argument against the tool's own JSON Schema for it: its {@code type} (an integer is a
 * number too), its {@code enum} of allowed values, recursively through {@code properties} and
 * {@code items}. This is the part of grading that does not depend on the case's expectations.
 */
final class ParameterSchema {

    private static final TextNormalization STRICT = new TextNormalization(false, false, false);

    private ParameterSchema() {
    }

    /** Every way {@code value} breaks {@code schema}; {@code path} names the value in messages. */
    static List<String> violations(JsonNode schema, JsonNode value, String path) {
        List<String> out = new ArrayList<>();
        if (schema == null || !schema.isObject()) {
            return out;
        }
        List<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(t -> JsonValues.isOfType(value, t))) {
            out.add(path + ": the tool declares type " + String.join(" or ", types) + ", got "
                    + JsonValues.show(value) + " (" + JsonValues.kind(value) + ")");
            return out;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray()) {
            boolean member = false;
            for (JsonNode a : allowed) {
                member |= JsonValues.compare(a, value, STRICT).isEmpty();
            }
            if (!member) {
                out.add(path + ": " + JsonValues.show(value) + " is not one of the allowed values "
                        + JsonValues.show(allowed));
            }
        }
        JsonNode properties = schema.get("properties");
        if (value.isObject() && properties != null && properties.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.addAll(violations(properties.get(field.getKey()), field.getValue(), path + "." + field.getKey()));
            }
        }
        JsonNode items = schema.get("items");
        if (value.isArray() && items != null && items.isObject()) {
            for (int i = 0; i < value.size(); i++) {
                out.addAll(violations(items, value.get(i), path + "[" + i + "]"));
            }
        }
        return out;
    }

    /** The property schemas of an object schema, by name (empty when it declares none). */
    static JsonNode properties(JsonNode objectSchema) {
        JsonNode p = objectSchema == null ? null : objectSchema.get("properties");
        return p != null && p.isObject() ? p : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    /** The names an object schema lists under {@code required}. */
    static List<String> required(JsonNode objectSchema) {
        List<String> names = new ArrayList<>();
        JsonNode r = objectSchema == null ? null : objectSchema.get("required");
        if (r != null && r.isArray()) {
            r.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }
}
