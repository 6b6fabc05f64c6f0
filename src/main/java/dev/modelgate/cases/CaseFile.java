package dev.modelgate.cases;

import java.nio.file.Path;

/**
 * Where a case came from.
 *
 * @param id          the case id: the file name without its extension
 * @param file        the case file
 * @param root        the cases directory it belongs to (images must stay inside it)
 * @param displayName the file as messages name it, e.g. {@code cases/vision/clock.yaml}
 */
record CaseFile(String id, Path file, Path root, String displayName) {
}
