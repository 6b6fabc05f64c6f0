package dev.modelgate.cases;

import java.util.Arrays;
import java.util.Optional;

/** The quality suites; each is a directory of case files and a JSON Schema of the same name. */
public enum Suite {
    TOOL_CALLING("tool-calling"),
    ENTITIES("entities"),
    KANNADA("kannada"),
    VISION("vision");

    private final String directory;

    Suite(String directory) {
        this.directory = directory;
    }

    /** The directory under {@code cases/} and the schema name under {@code schema/cases/}. */
    public String directory() {
        return directory;
    }

    String schemaName() {
        return "cases/" + directory;
    }

    static Optional<Suite> ofDirectory(String name) {
        return Arrays.stream(values()).filter(s -> s.directory.equals(name)).findFirst();
    }
}
