package dev.modelgate.catalog;

/**
 * One thing wrong with one input file: which file, where in it, and what was expected.
 *
 * @param file  the file as the user knows it (relative to its catalogue root where possible)
 * @param path  a JSON-pointer-like location inside the file ({@code $.engine.args[2]}), or {@code $} for the whole file
 * @param message what is wrong and, where possible, what was expected
 */
public record Problem(String file, String path, String message) {

    @Override
    public String toString() {
        return file + " " + path + ": " + message;
    }
}
