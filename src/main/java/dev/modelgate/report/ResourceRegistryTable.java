package dev.modelgate.report;

import dev.modelgate.catalog.MetricNames;
import dev.modelgate.verdict.ResultFile;
import dev.modelgate.verdict.ResultFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Machine;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.verdict.CandidateResult;
import dev.modelgate.verdict.ResultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The resource-registry table (SPEC §3): every measured candidate's weights, KV cache, footprint
 * and measuring method against the target machine's memory from {@code requirements.yaml}, and
 * whether it fits beside the co-resident services. Markdown, ready to paste into a team's
 * RESOURCE-REGISTRY.md; the figures are the result files' own, unchanged.
 */
public final class ResourceRegistryTable {

    public static final String FILE_NAME = "resource-registry.md";

    private ResourceRegistryTable() {
    }

    /** Renders the table from the result files in {@code resultsDir} and writes it there; returns the file. */
    public static Path write(Path resultsDir, Requirements requirements) {
        return write(resultsDir, requirements, readResults(resultsDir));
    }

    /** The table of the result files of {@code ids} (those that exist), written into {@code resultsDir}. */
    public static Path write(Path resultsDir, Requirements requirements, java.util.Collection<String> ids) {
        List<ResultFile> results = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(ids)) {
            ResultFiles.read(resultsDir.resolve(id + ".json")).ifPresent(results::add);
        }
        return write(resultsDir, requirements, results);
    }

    private static Path write(Path resultsDir, Requirements requirements, List<ResultFile> results) {
        Path file = resultsDir.resolve(FILE_NAME);
        ResultStore.writeAtomically(file, render(results, requirements.machine()));
        return file;
    }

    /** The result files ({@code <id>.json} with an {@code id} and {@code metrics}) in a directory, by id. */
    public static List<ResultFile> readResults(Path resultsDir) {
        List<ResultFile> results = new ArrayList<>();
        if (!Files.isDirectory(resultsDir)) {
            return results;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(resultsDir, "*.json")) {
            for (Path f : files) {
                ResultFiles.read(f).filter(r -> r.id() != null && !r.metrics().isEmpty()).ifPresent(results::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result files in " + resultsDir, e);
        }
        results.sort(Comparator.comparing(ResultFile::id));
        return results;
    }

    public static String render(List<ResultFile> results, Machine machine) {
        StringBuilder md = new StringBuilder();
        md.append("# Resource registry: measured memory on ").append(machine == null ? "the target machine"
                : machine.name()).append("\n\n");
        if (machine != null) {
            md.append("Machine memory: ").append(gib(machine.memoryGiB())).append(" GiB")
                    .append(machine.unified() ? " (unified: CPU and GPU share it)" : "").append(". ");
            md.append("Co-resident services: ").append(machine.coResident().isEmpty() ? "none"
                    : machine.coResident().stream().map(s -> s.name() + " " + gib(s.memoryGiB()) + " GiB")
                    .collect(Collectors.joining(", "))).append(". ");
            md.append("Left for the model: ").append(gib(machine.availableGiB())).append(" GiB.\n\n");
        }
        md.append("A candidate fits when its footprint (held when ready and warmed up) is at most the memory left"
                + " beside the co-resident services. Weights and KV cache are vLLM's own figures from its log.\n\n");
        md.append("| Candidate | Weights (GiB) | KV cache (GiB) | Footprint (GiB) | Method | Budget (GiB) |"
                + " Beside the co-resident services |\n");
        md.append("|---|---:|---:|---:|---|---:|---|\n");
        int rows = 0;
        for (ResultFile r : results) {
            JsonNode vram = r.metric(MetricNames.VRAM_GIB);
            if (!vram.isObject()) {
                continue;
            }
            rows++;
            md.append("| ").append(cell(r.id())).append(r.baseline() ? " (baseline)"
                    : "").append(" | ")
                    .append(number(vram.get("weightsGiB"))).append(" | ")
                    .append(number(vram.get("kvCacheGiB"))).append(" | ")
                    .append(number(vram.get("value"))).append(" | ")
                    .append(vram.hasNonNull("method") ? cell(vram.get("method").asText()) : "—").append(" | ")
                    .append(number(vram.get("budgetGiB"))).append(" | ")
                    .append(cell(fit(vram, machine))).append(" |\n");
        }
        if (rows == 0) {
            md.append("| (no candidate has a memory measurement yet) | | | | | | |\n");
        }
        return md.toString();
    }

    private static String fit(JsonNode vram, Machine machine) {
        if (!vram.path("value").isNumber()) {
            if (vram.hasNonNull("bootFailure")) {
                return "does not fit its budget: did not boot (" + vram.get("bootFailure").asText() + ")";
            }
            if (vram.hasNonNull("unmeasured")) {
                return "unknown: " + vram.get("unmeasured").asText();
            }
            return "unknown: not measured";
        }
        if (machine == null) {
            return "unknown: requirements.yaml names no machine";
        }
        double left = machine.availableGiB() - vram.get("value").asDouble();
        return left >= 0 ? "fits (" + gib(left) + " GiB left)" : "does not fit (" + gib(-left) + " GiB over)";
    }

    private static String number(JsonNode n) {
        return n != null && n.isNumber() ? gib(n.asDouble()) : "—";
    }

    private static String gib(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
