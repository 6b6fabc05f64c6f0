package dev.modelgate.engine.llamacpp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The llama.cpp JNI library of {@code de.kherud:llama}, extracted once into the cache and reused.
 * Left alone, the library extracts itself into the temporary directory on every start; pointing
 * the system property {@value #LIB_PATH} at a directory that holds it skips that. The library's
 * classes are never loaded here (that would load llama.cpp into this JVM): the file is copied
 * from the jar as a resource.
 */
final class NativeLibrary {

    /** The system property of {@code de.kherud:llama} naming a directory with the native library. */
    static final String LIB_PATH = "de.kherud.llama.lib.path";
    /** Where the library extracts files when it has to (kept out of the shared temporary directory). */
    static final String TMP_DIR = "de.kherud.llama.tmpdir";

    private static final String RESOURCE_ROOT = "de/kherud/llama/";
    private static final String POM = "META-INF/maven/de.kherud/llama/pom.properties";

    private NativeLibrary() {
    }

    /** The {@code de.kherud:llama} version on the class path, if its jar says. */
    static Optional<String> bindingVersion() {
        URL pom = loader().getResource(POM);
        if (pom == null) {
            return Optional.empty();
        }
        try (InputStream in = pom.openStream()) {
            Properties p = new Properties();
            p.load(in);
            return Optional.ofNullable(p.getProperty("version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Extracts the library for this operating system and architecture into
     * {@code cache/native/de.kherud.llama-<version>/<os>-<arch>/} unless an identical copy is there.
     *
     * @return the directory holding it, or empty when the jar has no library for this platform
     *         (the binding will then report its own error)
     */
    static Optional<Path> extract(Path cache) {
        String folder = osFolder() + "/" + archFolder();
        String file = System.mapLibraryName("jllama");
        URL resource = loader().getResource(RESOURCE_ROOT + folder + "/" + file);
        if (resource == null) {
            return Optional.empty();
        }
        Path dir = cache.resolve("native").resolve("de.kherud.llama-" + bindingVersion().orElse("unknown"))
                .resolve(folder.replace('/', '-'));
        Path target = dir.resolve(file);
        try {
            URLConnection connection = resource.openConnection();
            long size = connection.getContentLengthLong();
            if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
                return Optional.of(dir);
            }
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, file, ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
            return Optional.of(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the llama.cpp library " + resource + " into " + dir
                    + ": " + e.getMessage() + "; set -D" + dev.modelgate.engine.EngineSettings.CACHE
                    + "=<writable directory>", e);
        }
    }

    /** The binding's folder name for this operating system. */
    static String osFolder() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "Windows";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return "Mac";
        }
        return "Linux";
    }

    /** The binding's folder name for this architecture. */
    static String archFolder() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i686" -> "x86";
            default -> arch;
        };
    }

    private static ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : NativeLibrary.class.getClassLoader();
    }
}
