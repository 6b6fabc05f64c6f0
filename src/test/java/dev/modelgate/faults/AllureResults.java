package dev.modelgate.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.report.AllureCategories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The test results Allure wrote into a directory, with the categories each one falls into. */
final class AllureResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One {@code *-result.json}: the candidate (parameter {@code model}), the test method, status and message. */
    record Result(String model, String test, String status, String message) {

        /** The names of the categories of {@link AllureCategories} whose expression matches this result. */
        List<String> categories() {
            return AllureCategories.ALL.stream().filter(c -> c.matches(status, message))
                    .map(AllureCategories.Category::name).toList();
        }
    }

    private final List<Result> results;

    private AllureResults(List<Result> results) {
        this.results = results;
    }

    static AllureResults read(Path dir) {
        List<Result> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode r = JSON.readTree(f.toFile());
                String model = "";
                for (JsonNode p : r.path("parameters")) {
                    if (p.path("name").asText().equals("model")) {
                        model = p.path("value").asText();
                    }
                }
                String fullName = r.path("fullName").asText();
                String test = fullName.substring(Math.max(fullName.lastIndexOf('.'), fullName.lastIndexOf('#')) + 1);
                out.add(new Result(model, test, r.path("status").asText(),
                        r.path("statusDetails").path("message").asText(null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AllureResults(out);
    }

    Optional<Result> of(String model, String test) {
        return results.stream().filter(r -> r.model().equals(model) && r.test().equals(test)).findFirst();
    }

    List<Result> all() {
        return results;
    }
}
