package dev.modelgate.verdict;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes result files: the one place that knows how {@link ResultFile} and its parts
 * map to JSON. Fields a newer release added are ignored when read; absent ones read as empty.
 */
public final class ResultFiles {

    /** The mapper of result files (and of the other JSON files the run writes). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultFiles() {
    }

    /** The result file at {@code file}; empty when there is none or it is no result file (unreadable, no object). */
    public static Optional<ResultFile> read(Path file) {
        return readTree(file).flatMap(ResultFiles::bindIfValid);
    }

    /** The JSON object at {@code file}, as written; empty when there is none or it is not one. */
    static Optional<ObjectNode> readTree(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            return tree instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code result} to {@code file} atomically, secrets redacted. */
    public static void write(Path file, CandidateResult result) {
        writeJson(file, result.snapshot());
    }

    /** Writes a JSON tree to {@code file} atomically, secrets redacted. */
    public static void writeJson(Path file, JsonNode tree) {
        try {
            ResultStore.writeAtomically(file, JSON.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A result file's tree as a {@link ResultFile}.
     *
     * @throws IllegalArgumentException when a field has the wrong shape (a status that is a number …)
     */
    public static ResultFile bind(JsonNode tree) {
        try {
            return JSON.treeToValue(tree, ResultFile.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a result file: " + e.getOriginalMessage(), e);
        }
    }

    private static Optional<ResultFile> bindIfValid(ObjectNode tree) {
        try {
            return Optional.of(bind(tree));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A tree in the shape of a result file part ({@link RequirementOutcome}, {@link TestOutcome} …). */
    static JsonNode tree(Object part) {
        return JSON.valueToTree(part);
    }

    /** An entry of {@code metrics} as the verdict reads it; every field absent when it has another shape. */
    static MetricFigure figure(JsonNode metric) {
        if (!metric.isObject()) {
            return MetricFigure.NONE;
        }
        try {
            return JSON.treeToValue(metric, MetricFigure.class);
        } catch (IOException | IllegalArgumentException e) {
            return MetricFigure.NONE;
        }
    }
}
