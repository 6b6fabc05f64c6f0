package dev.modelgate.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's user documentation, for the tests that check what it says: {@code README.md} at the
 * root and the pages under {@code docs/}, read by name ({@code "README.md"}, {@code "cases.md"}).
 */
public final class DocPages {

    /** The folder of the pages, relative to the project root (where Maven runs the tests). */
    public static final Path DIR = Path.of("docs");
    public static final Path README = Path.of("README.md");

    private DocPages() {
    }

    /** The file of a page: {@code README.md} itself, else {@code docs/<name>}. */
    public static Path path(String name) {
        return name.equals(README.toString()) ? README : DIR.resolve(name);
    }

    /** The text of a page, by name. */
    public static String read(String name) {
        return read(path(name));
    }

    /** The text of a page, by its file. */
    public static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page " + page, e);
        }
    }

    /** The README and every page under {@code docs/}, in name order. */
    public static List<Path> all() {
        try (Stream<Path> pages = Files.list(DIR)) {
            return Stream.concat(Stream.of(README), pages.filter(p -> p.toString().endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
