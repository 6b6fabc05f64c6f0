package dev.modelgate.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the catalogue's resources on the class path: the built-ins that ship in modelgate's jar
 * (under {@value #BUILTIN_ROOT}) and a team's own {@code models/}, {@code cases/} and
 * {@code requirements.yaml} at the class-path root (its test resources), which take precedence.
 * A resource may be a plain directory or an entry of a jar; a jar is read through a zip file
 * system, opened once and kept open for the life of the JVM, so every {@link Path} stays readable.
 */
public final class ResourceDirs {

    /** Where the built-ins lie on the class path: {@code requirements.yaml}, {@code cases/}, {@code models/}. */
    public static final String BUILTIN_ROOT = "dev/modelgate/builtin/";

    /** A file every build of the built-ins has; the root is found from it (a jar need not list its directories). */
    private static final String MARKER = "requirements.yaml";

    private ResourceDirs() {
    }

    /** The resource {@code name} (a directory or a file) at the class-path root: a team's own. */
    public static Optional<Path> find(String name) {
        return path(loader().getResource(name));
    }

    /** The built-in resource {@code name} (e.g. {@code cases}, {@code models/x.yaml}) that ships with modelgate. */
    public static Optional<Path> builtin(String name) {
        return path(loader().getResource(BUILTIN_ROOT + MARKER))
                .map(marker -> marker.getParent().resolve(name))
                .filter(Files::exists);
    }

    /**
     * The directories named {@code name}, lowest precedence first: the built-in one, then the one at
     * the class-path root. A reader takes them in this order, so a team's file overrides a built-in
     * one with the same id.
     */
    public static List<Path> layers(String name) {
        List<Path> dirs = new ArrayList<>();
        builtin(name).filter(Files::isDirectory).ifPresent(dirs::add);
        find(name).filter(Files::isDirectory).ifPresent(dirs::add);
        return List.copyOf(dirs);
    }

    /** YAML files directly in {@code dir}, sorted by name. */
    public static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(YamlDocuments::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name without its extension: the id of a candidate or a case. */
    public static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    private static ClassLoader loader() {
        return Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(ResourceDirs.class.getClassLoader());
    }

    /** A {@code file:} URL as a path of the default file system, a {@code jar:} URL as a path in its jar. */
    private static Optional<Path> path(URL url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            return switch (url.getProtocol()) {
                case "file" -> Optional.of(Path.of(uri));
                case "jar" -> Optional.of(inJar(uri));
                default -> Optional.empty();
            };
        } catch (URISyntaxException | IOException e) {
            return Optional.empty();
        }
    }

    private static synchronized Path inJar(URI uri) throws IOException {
        try {
            FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException opened) {
            // opened by an earlier look-up (or by someone else): Path.of finds it
        }
        return Path.of(uri);
    }
}
