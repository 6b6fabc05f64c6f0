package dev.modelgate.catalog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every problem found in the catalogue, the requirements and the case files, reported together
 * before anything boots.
 */
public final class CatalogException extends RuntimeException {

    public CatalogException(List<Problem> problems) {
        super(render(problems));
    }

    private static String render(List<Problem> problems) {
        Map<String, List<Problem>> byFile = problems.stream()
                .collect(Collectors.groupingBy(Problem::file, TreeMap::new, Collectors.toList()));
        long files = byFile.keySet().stream().filter(f -> !f.equals(Problems.SETTINGS)).count();
        String where = (byFile.containsKey(Problems.SETTINGS) ? "the settings" : "")
                + (byFile.containsKey(Problems.SETTINGS) && files > 0 ? " and " : "")
                + (files > 0 ? files + (files == 1 ? " file" : " files") : "");
        StringBuilder out = new StringBuilder("Configuration error: ")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" in ").append(where)
                .append("; nothing was booted. Fix them and run again.");
        byFile.forEach((file, list) -> {
            out.append("\n  ").append(file).append(':');
            for (Problem p : list) {
                out.append("\n    - ").append(p.path()).append(": ").append(p.message());
            }
        });
        return out.toString();
    }
}
