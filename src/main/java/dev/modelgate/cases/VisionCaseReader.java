package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a vision case and checks its image: a relative path that stays inside the cases directory
 * (also after following links), an existing file, and PNG or JPEG content.
 */
final class VisionCaseReader {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private VisionCaseReader() {
    }

    static Optional<VisionCase> read(CaseFile source, JsonNode tree, Problems problems) {
        JsonNode expect = tree.get("expect");
        boolean expects = expect.has("keywords") || expect.has("oneOf");
        if (!expects) {
            problems.add(source.displayName(), "$.expect", "says nothing a correct answer contains: list keywords"
                    + " (all must appear) or oneOf (one of the accepted answers must appear)");
        }
        Optional<ImageFile> image = image(source, tree.get("image").asText(), problems);
        if (image.isEmpty() || !expects) {
            return Optional.empty();
        }
        return Optional.of(new VisionCase(source, CaseFields.text(tree, "description"), image.get().path(),
                image.get().mediaType(), tree.get("question").asText(), CaseFields.alternatives(expect.get("keywords")),
                CaseFields.strings(expect.get("oneOf")), CaseFields.strings(expect.get("forbidden")),
                CaseFields.maxTokens(tree), CaseFields.temperature(tree), CaseFields.tags(tree)));
    }

    private record ImageFile(Path path, String mediaType) {
    }

    private static Optional<ImageFile> image(CaseFile source, String reference, Problems problems) {
        String where = "$.image";
        Path relative;
        try {
            relative = source.file().getFileSystem().getPath(reference); // the case file may lie in a jar
        } catch (InvalidPathException e) {
            problems.add(source.displayName(), where, "'" + reference + "' is not a valid path: " + e.getReason());
            return Optional.empty();
        }
        if (relative.isAbsolute() || reference.startsWith("/") || reference.startsWith("\\")) {
            problems.add(source.displayName(), where, "'" + reference + "' is absolute; give a path relative to the"
                    + " case file, inside the cases directory");
            return Optional.empty();
        }
        Path root = source.root().toAbsolutePath().normalize();
        Path image = source.file().toAbsolutePath().getParent().resolve(relative).normalize();
        if (!image.startsWith(root)) {
            problems.add(source.displayName(), where, "'" + reference + "' leaves the cases directory; keep images"
                    + " inside it (beside the case file)");
            return Optional.empty();
        }
        if (!Files.isRegularFile(image)) {
            problems.add(source.displayName(), where, "'" + reference + "' does not exist (looked for "
                    + root.relativize(image) + " in the cases directory)");
            return Optional.empty();
        }
        try {
            if (!image.toRealPath().startsWith(root.toRealPath())) {
                problems.add(source.displayName(), where, "'" + reference + "' is a link that leads outside the cases"
                        + " directory; copy the image into it");
                return Optional.empty();
            }
            byte[] head = new byte[8];
            int read;
            try (InputStream in = Files.newInputStream(image)) {
                read = in.readNBytes(head, 0, head.length);
            }
            if (read >= PNG.length && Arrays.equals(head, 0, PNG.length, PNG, 0, PNG.length)) {
                return Optional.of(new ImageFile(image, "image/png"));
            }
            if (read >= JPEG.length && Arrays.equals(head, 0, JPEG.length, JPEG, 0, JPEG.length)) {
                return Optional.of(new ImageFile(image, "image/jpeg"));
            }
            problems.add(source.displayName(), where, "'" + reference + "' is neither a PNG nor a JPEG image (by its"
                    + " first bytes); convert it to PNG or JPEG");
        } catch (IOException e) {
            problems.add(source.displayName(), where, "'" + reference + "' cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }
}
