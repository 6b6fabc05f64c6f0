package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.modelgate.catalog.Problems;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case written once with {@code {{name}}} placeholders and a table of rows that fill them: each
 * row becomes a case tree of its own, which the suite's schema and reader then check like any case
 * file. A string that is one placeholder and nothing else takes the row's value with its type (a
 * number, a list, an object); a placeholder inside a longer string takes the value's text.
 * Mapping keys are never substituted.
 */
final class CaseTemplate {

    /** A template file's name ends so; the rest of the name is the file's id. */
    static final List<String> SUFFIXES = List.of(".template.yaml", ".template.yml");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    /**
     * One row, expanded.
     *
     * @param id   the row's own id (the case id is {@code <file id>-<id>})
     * @param at   where the row is, for messages: {@code row 'ten-minutes' ($.rows[3])}
     * @param tree the case as if it had been written out in a file of its own
     */
    record Row(String id, String at, JsonNode tree) {
    }

    private CaseTemplate() {
    }

    /** Whether a file name is that of a template. */
    static boolean isTemplate(String fileName) {
        return SUFFIXES.stream().anyMatch(fileName::endsWith);
    }

    /** The id of a template file: its name without the template suffix. */
    static String fileId(String fileName) {
        for (String suffix : SUFFIXES) {
            if (fileName.endsWith(suffix)) {
                return fileName.substring(0, fileName.length() - suffix.length());
            }
        }
        return fileName;
    }

    /**
     * Expands a schema-valid template document ({@code template}, {@code rows}); each problem (an
     * unknown placeholder, a column used nowhere, a repeated row id) goes to {@code problems} with
     * the row and the field. Rows with a problem are left out.
     */
    static List<Row> expand(JsonNode document, String displayName, Problems problems) {
        JsonNode template = document.get("template");
        Set<String> placeholders = new TreeSet<>();
        collect(template, placeholders);
        List<Row> rows = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        JsonNode table = document.get("rows");
        for (int i = 0; i < table.size(); i++) {
            JsonNode row = table.get(i);
            String id = row.get("id").asText();
            String at = "row '" + id + "' ($.rows[" + i + "])";
            if (!ids.add(id)) {
                problems.add(displayName, at + " $.id", "the row id '" + id + "' is used by an earlier row; row ids"
                        + " must be unique in a template");
                continue;
            }
            int before = problems.list().size();
            for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
                String column = it.next();
                if (!column.equals("id") && !placeholders.contains(column)) {
                    problems.add(displayName, at + " $." + column, "the template has no {{" + column + "}}; remove"
                            + " the column or use it in the template (placeholders: " + String.join(", ", placeholders)
                            + ")");
                }
            }
            JsonNode filled = fill(template, row, "$.template", displayName, at, problems);
            if (problems.list().size() == before) {
                rows.add(new Row(id, at, filled));
            }
        }
        return rows;
    }

    private static JsonNode fill(JsonNode node, JsonNode row, String path, String displayName, String at,
                                 Problems problems) {
        if (node.isTextual()) {
            return text(node.asText(), row, path, displayName, at, problems);
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), fill(e.getValue(), row, path + "." + e.getKey(), displayName, at, problems));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(fill(node.get(i), row, path + "[" + i + "]", displayName, at, problems));
            }
            return out;
        }
        return node.deepCopy();
    }

    private static JsonNode text(String text, JsonNode row, String path, String displayName, String at,
                                 Problems problems) {
        Matcher whole = PLACEHOLDER.matcher(text.strip());
        if (whole.matches()) {
            JsonNode value = value(whole.group(1), row, path, displayName, at, problems);
            return value == null ? TextNode.valueOf(text) : value.deepCopy();
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = value(m.group(1), row, path, displayName, at, problems);
            String replacement = m.group();
            if (value != null && value.isContainerNode()) {
                problems.add(displayName, at + " " + path, "{{" + m.group(1) + "}} is part of a longer string, but"
                        + " the row's value is " + (value.isArray() ? "a list" : "a mapping") + "; a list or mapping can"
                        + " only fill a string that is the placeholder alone");
            } else if (value != null) {
                replacement = value.isNull() ? "" : value.asText();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private static JsonNode value(String name, JsonNode row, String path, String displayName, String at,
                                  Problems problems) {
        JsonNode value = row.get(name);
        if (value == null) {
            Set<String> columns = new TreeSet<>();
            row.fieldNames().forEachRemaining(columns::add);
            problems.add(displayName, at + " " + path, "{{" + name + "}} has no value in this row; add the column '"
                    + name + "' (the row has: " + String.join(", ", columns) + ")");
        }
        return value;
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            Matcher m = PLACEHOLDER.matcher(node.asText());
            while (m.find()) {
                into.add(m.group(1));
            }
        }
        node.forEach(child -> collect(child, into));
    }
}
