package dev.modelgate.engine.llamacpp;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.preflight.HubClient;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.EngineSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Finds the GGUF file of a candidate ({@code engine.gguf}):
 * <ul>
 *   <li>an absolute path is used as it is;</li>
 *   <li>a relative path is resolved against the candidate file's directory, else found on the
 *       class path beside the built-in {@code models/} directory;</li>
 *   <li>{@code hf://owner/repo/path/file.gguf} is downloaded once from the Hugging Face Hub
 *       (revision: {@code huggingFace.revision}, default {@code main}), with {@code HF_TOKEN} from
 *       the environment as bearer token if set, and kept in {@code <cache>/gguf/<sha256>/<file>}.</li>
 * </ul>
 * When {@code engine.sha256} is given the file's checksum is verified (for a download: before it
 * is moved into the cache, so a bad download is never reused); {@code hf://} requires it.
 */
public final class GgufLocator {

    /** The scheme of Hugging Face file references. */
    public static final String HF_SCHEME = "hf://";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Path cache;
    private final String endpoint;
    private final Optional<Secret> token;
    private final Consumer<String> console;

    /** A locator downloading from the Hub at {@code endpoint}, which is read only when a file is downloaded. */
    public GgufLocator(Path cache, String endpoint, Optional<Secret> token, Consumer<String> console) {
        this.cache = cache;
        this.endpoint = endpoint;
        this.token = token;
        this.console = console;
    }

    /**
     * A locator for the run's settings: cache {@value EngineSettings#CACHE}, endpoint
     * {@value Settings#HF_ENDPOINT} (else {@code HF_ENDPOINT}, else the public Hub), token
     * {@code HF_TOKEN}.
     */
    public static GgufLocator of(Settings settings, Consumer<String> console) {
        return new GgufLocator(EngineSettings.cacheDir(settings), settings.hfEndpoint(), HubClient.tokenFromEnvironment(),
                console);
    }

    /** Where downloads are kept. */
    public Path cache() {
        return cache;
    }

    /**
     * The local GGUF file of {@code candidate}, downloaded if it is a Hub reference.
     *
     * @throws BootFailure INVALID (no such file, bad reference, checksum mismatch) or UNREACHABLE
     *                     (the download failed), with what to do about it
     */
    public Path locate(Candidate candidate) {
        String reference = candidate.engine().gguf();
        if (reference == null || reference.isBlank()) {
            throw new BootFailure(BootFailure.Kind.INVALID, candidate.id() + ": engine 'llamacpp' needs engine.gguf:"
                    + " a path to a .gguf file, or hf://owner/repo/file.gguf with engine.sha256");
        }
        String sha256 = candidate.engine().sha256();
        if (reference.startsWith(HF_SCHEME)) {
            String revision = candidate.huggingFace() != null && candidate.huggingFace().revision() != null
                    ? candidate.huggingFace().revision() : "main";
            return download(candidate.id(), reference, revision, sha256);
        }
        Path file = local(candidate, reference);
        if (sha256 != null) {
            verify(candidate.id(), file, sha256);
        }
        return file;
    }

    private Path local(Candidate candidate, String reference) {
        Path given = Path.of(reference);
        if (given.isAbsolute()) {
            return existing(candidate.id(), given);
        }
        Optional<Path> base = candidate.source().map(Path::getParent);
        if (base.isPresent() && Files.isRegularFile(base.get().resolve(reference))) { // a String: base may lie in a jar
            Path found = base.get().resolve(reference).normalize();
            return found.getFileSystem() == FileSystems.getDefault() ? found
                    : fromClassPath(url(found), found.getFileName().toString());
        }
        String resource = Path.of("models").resolve(given).normalize().toString().replace('\\', '/');
        URL url = loader().getResource(resource);
        if (url != null) {
            return fromClassPath(url, given.getFileName().toString());
        }
        throw new BootFailure(BootFailure.Kind.INVALID, candidate.id() + ": engine.gguf '" + reference
                + "' does not exist" + base.map(b -> " relative to " + b).orElse("")
                + " nor on the class path as " + resource + "; give an absolute path or a path relative to the"
                + " candidate file");
    }

    /** A file inside a jar (a built-in candidate's weights): read through its URL, copied into the cache. */
    private static URL url(Path inJar) {
        try {
            return inJar.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new BootFailure(BootFailure.Kind.INVALID, "cannot read " + inJar.toUri() + ": " + e.getMessage());
        }
    }

    private static Path existing(String id, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BootFailure(BootFailure.Kind.INVALID, id + ": engine.gguf " + file + " does not exist or is not"
                    + " a file");
        }
        return file;
    }

    private Path fromClassPath(URL url, String name) {
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path target = cache.resolve("classpath").resolve(Integer.toHexString(url.toString().hashCode())).resolve(name);
            long size = url.openConnection().getContentLengthLong();
            if (!Files.isRegularFile(target) || Files.size(target) != size) {
                Files.createDirectories(target.getParent());
                Path part = Files.createTempFile(target.getParent(), name, ".part");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            return target;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new BootFailure(BootFailure.Kind.INVALID, "cannot copy " + url + " into " + cache + ": " + e);
        }
    }

    /** Downloads {@code reference} into the cache unless a verified copy is there; returns the file. */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    Path download(String id, String reference, String revision, String sha256) {
        HubFile file = HubFile.parse(reference);
        if (sha256 == null) {
            throw new BootFailure(BootFailure.Kind.INVALID, id + ": engine.gguf " + reference + " needs engine.sha256"
                    + " (the file's SHA-256 as the Hub shows it on the file's page), so that the download is checked"
                    + " and cached by content");
        }
        String expected = sha256.toLowerCase(Locale.ROOT);
        Path dir = cache.resolve("gguf").resolve(expected);
        Path target = dir.resolve(file.name());
        Path marker = dir.resolve(file.name() + ".sha256");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (Files.isRegularFile(target) && Files.isRegularFile(marker)
                        && Files.readString(marker).trim().equals(expected)) {
                    console.accept("[modelgate] " + id + ": using cached " + target);
                    return target;
                }
                fetch(id, file, revision, dir, target, expected);
                Files.writeString(marker, expected + "\n");
                return target;
            }
        } catch (IOException e) {
            throw new BootFailure(BootFailure.Kind.INVALID, id + ": cannot write the download cache " + dir + ": " + e
                    + "; set -D" + EngineSettings.CACHE + "=<writable directory>");
        }
    }

    private void fetch(String id, HubFile file, String revision, Path dir, Path target, String expected)
            throws IOException {
        HubClient hub = HubClient.forEndpoint(endpoint, token).forDownloads();
        HttpUrl url = hub.fileUrl(file.owner() + "/" + file.repo(), revision, file.path());
        console.accept("[modelgate] " + id + ": downloading " + url + (hub.sendsToken() ? " (with "
                + HubClient.TOKEN_VARIABLE + ")" : ""));
        Path part = dir.resolve(target.getFileName() + ".part");
        try (Response response = hub.get(url)) {
            if (!response.isSuccessful()) {
                throw new BootFailure(BootFailure.Kind.UNREACHABLE, id + ": " + url + " answered HTTP " + response.code()
                        + ". " + advice(hub, response.code()));
            }
            ResponseBody body = response.body();
            long total = body.contentLength();
            MessageDigest digest = sha256();
            long done = 0;
            long start = System.nanoTime();
            long nextReport = start + PROGRESS_EVERY.toNanos();
            try (InputStream in = body.byteStream();
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(part), digest)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    done += n;
                    if (System.nanoTime() >= nextReport) {
                        console.accept("[modelgate] " + id + ": " + progress(done, total, System.nanoTime() - start));
                        nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
                    }
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expected)) {
                Files.deleteIfExists(part);
                throw new BootFailure(BootFailure.Kind.INVALID, id + ": the file downloaded from " + url + " has SHA-256 "
                        + actual + " but engine.sha256 says " + expected + "; it was not kept. Check the checksum on"
                        + " the file's Hub page (and the revision), then correct engine.sha256");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            console.accept("[modelgate] " + id + ": downloaded " + target + " (" + progress(done, total,
                    System.nanoTime() - start) + ", SHA-256 verified)");
        } catch (UnknownHostException | ConnectException | SocketTimeoutException e) {
            Files.deleteIfExists(part);
            throw new BootFailure(BootFailure.Kind.UNREACHABLE, id + ": cannot download " + url + " (" + e + "). This"
                    + " machine may be offline or the Hub unreachable: download the file elsewhere, check its SHA-256,"
                    + " and set engine.gguf to its local path (or place it at " + target + " with a file "
                    + target.getFileName() + ".sha256 holding the checksum)");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    private static String advice(HubClient hub, int code) {
        if (HubClient.refused(code)) {
            return "Access refused: " + hub.refusalAdvice() + ".";
        }
        return code == 404 ? "No such file: check owner/repo, the path inside the repository and huggingFace.revision."
                : "Try again later, or download the file yourself and set engine.gguf to its local path.";
    }

    private static String progress(long done, long total, long nanos) {
        double mib = done / 1048576.0;
        double seconds = Math.max(nanos / 1e9, 1e-3);
        String of = total > 0 ? String.format(Locale.ROOT, " of %.1f MiB (%.0f%%)", total / 1048576.0,
                100.0 * done / total) : "";
        return String.format(Locale.ROOT, "%.1f MiB%s, %.1f MiB/s", mib, of, mib / seconds);
    }

    private void verify(String id, Path file, String sha256) {
        String expected = sha256.toLowerCase(Locale.ROOT);
        try {
            long size = Files.size(file);
            if (size > (1L << 30)) {
                console.accept("[modelgate] " + id + ": verifying the SHA-256 of " + file + " (" + size / (1L << 30)
                        + " GiB)");
            }
            String actual = sha256Of(file);
            if (!actual.equals(expected)) {
                throw new BootFailure(BootFailure.Kind.INVALID, id + ": " + file + " has SHA-256 " + actual
                        + " but engine.sha256 says " + expected + "; the file is not the one the candidate names");
            }
        } catch (IOException e) {
            throw new BootFailure(BootFailure.Kind.INVALID, id + ": cannot read " + file + ": " + e);
        }
    }

    /** The hex SHA-256 of a file. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : GgufLocator.class.getClassLoader();
    }

    /** {@code hf://owner/repo/path/in/repo.gguf}. */
    record HubFile(String owner, String repo, String path) {

        static HubFile parse(String reference) {
            String rest = reference.substring(HF_SCHEME.length());
            String[] parts = rest.split("/", 3);
            if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()
                    || parts[2].endsWith("/")) {
                throw new BootFailure(BootFailure.Kind.INVALID, "engine.gguf '" + reference + "' is not a Hub file"
                        + " reference; write hf://owner/repo/path/to/file.gguf");
            }
            return new HubFile(parts[0], parts[1], parts[2]);
        }

        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }
}
