package dev.modelgate.measure.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads the CSV that {@code nvidia-smi --query-…=<fields> --format=csv[,noheader][,nounits]}
 * prints: one row per line, cells in the order of the requested fields, separated by ", ".
 * A header line (its first cell is the first field's name) is skipped; units such as
 * {@code "10758 MiB"} are stripped. Values nvidia-smi cannot give ({@code [N/A]},
 * {@code [Not Supported]}, {@code [Insufficient Permissions]}, …) are kept as written and read
 * as "no number" by {@link #number(String)}.
 */
final class NvidiaSmiCsv {

    private NvidiaSmiCsv() {
    }

    /**
     * The rows of {@code output}, each a map from requested field to its cell.
     *
     * @throws IllegalArgumentException when a line does not have one cell per requested field
     */
    public static List<Map<String, String>> parse(String output, List<String> fields) {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] lines = output.replace("\r", "").split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("no running processes")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (isHeader(cells[0], fields.get(0))) {
                continue;
            }
            if (cells.length != fields.size()) {
                throw new IllegalArgumentException("nvidia-smi output line " + (i + 1) + " \"" + line + "\" has "
                        + cells.length + " cells; expected " + fields.size() + " (" + String.join(", ", fields)
                        + ")");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.length; c++) {
                row.put(fields.get(c), cells[c].trim());
            }
            rows.add(row);
        }
        return rows;
    }

    private static boolean isHeader(String firstCell, String firstField) {
        String cell = firstCell.trim().toLowerCase(Locale.ROOT);
        return cell.equals(firstField.toLowerCase(Locale.ROOT)) || cell.startsWith(firstField.toLowerCase(Locale.ROOT)
                + " [");
    }

    /**
     * The number in a cell, without its unit: {@code "10758"} and {@code "10758 MiB"} → 10758;
     * {@code "[N/A]"}, {@code "N/A"}, {@code "[Not Supported]"} → empty.
     */
    public static OptionalDouble number(String cell) {
        if (cell == null) {
            return OptionalDouble.empty();
        }
        String v = cell.trim();
        int space = v.indexOf(' ');
        if (space > 0 && Character.isDigit(v.charAt(0))) {
            v = v.substring(0, space);
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
