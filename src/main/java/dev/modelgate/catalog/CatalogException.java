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
        StringBuilder out = new StringBuilder("Configuration error: ")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" in ").append(byFile.size()).append(byFile.size() == 1 ? " file" : " files")
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
