package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns the function documents of the Berkeley Function Calling Leaderboard into OpenAI tools,
 * the way the leaderboard itself sends them to function-calling models: a dot in a function name
 * becomes an underscore (OpenAI names allow letters, digits, {@code _} and {@code -} only), the
 * parameters' {@code dict} becomes {@code object}, and each type is mapped to JSON Schema
 * ({@code float} and {@code double} → {@code number}; {@code tuple} and {@code list} →
 * {@code array}; {@code any}, a missing or an unknown type → {@code string}), at every depth.
 * Every other keyword (descriptions, {@code enum}, {@code default}, {@code required}) is kept.
 *
 * <p>It also gives the schema a call is graded against: only what the leaderboard's checker looks
 * at, each parameter's type and, for a list, its items' type; not the {@code enum}.
 */
final class BfclFunctions {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("integer", "integer"), Map.entry("int", "integer"), Map.entry("long", "integer"),
            Map.entry("number", "number"), Map.entry("float", "number"), Map.entry("double", "number"),
            Map.entry("string", "string"), Map.entry("any", "string"),
            Map.entry("boolean", "boolean"), Map.entry("bool", "boolean"),
            Map.entry("array", "array"), Map.entry("list", "array"), Map.entry("tuple", "array"),
            Map.entry("dict", "object"), Map.entry("object", "object"));

    private BfclFunctions() {
    }

    /** The function name a model is offered and must call. */
    static String toolName(String name) {
        return name.replace('.', '_');
    }

    /** {@code {type: function, function: {name, description, parameters}}}. */
    static ObjectNode tool(JsonNode function) {
        ObjectNode fn = function.deepCopy();
        fn.put("name", toolName(function.get("name").asText()));
        ObjectNode parameters = (ObjectNode) fn.get("parameters");
        parameters.put("type", "object");
        convertProperties(parameters);
        ObjectNode tool = JsonNodeFactory.instance.objectNode();
        tool.put("type", "function");
        tool.set("function", fn);
        return tool;
    }

    /** The JSON Schema type of a leaderboard type name. */
    static String jsonType(JsonNode schema) {
        JsonNode type = schema == null ? null : schema.get("type");
        return type != null && type.isTextual() ? TYPES.getOrDefault(type.asText(), "string") : "string";
    }

    /** Which comparison of {@link BfclValues} the declared type of a parameter calls for. */
    static BfclValues.Shape shape(JsonNode schema) {
        return switch (jsonType(schema)) {
            case "string" -> BfclValues.Shape.TEXT;
            case "array" -> "object".equals(jsonType(schema.get("items"))) && schema.get("items").has("type")
                    ? BfclValues.Shape.LIST_OF_OBJECTS : BfclValues.Shape.LIST;
            case "object" -> BfclValues.Shape.OBJECT;
            default -> BfclValues.Shape.VALUE;
        };
    }

    /** The parameters' schema as the grader checks it: types only, one level of list items. */
    static ObjectNode gradingSchema(JsonNode function) {
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        JsonNode declared = function.path("parameters").path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            ObjectNode property = properties.putObject(p.getKey());
            String type = jsonType(p.getValue());
            property.put("type", type);
            JsonNode items = p.getValue().get("items");
            if (type.equals("array") && items != null && items.has("type")) {
                property.putObject("items").put("type", jsonType(items));
            }
        }
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.set("properties", properties);
        JsonNode required = function.path("parameters").get("required");
        if (required != null) {
            schema.set("required", required.deepCopy());
        }
        return schema;
    }

    private static void convertProperties(ObjectNode schema) {
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            JsonNode property = it.next().getValue();
            if (property.isObject()) {
                convert((ObjectNode) property);
            }
        }
    }

    private static void convert(ObjectNode schema) {
        schema.put("type", jsonType(schema));
        convertProperties(schema);
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) {
            convert((ObjectNode) items);
        }
    }
}
