package dev.modelgate.catalog.preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads text files of model repositories and answers of the Hub API through a {@link HubClient}
 * and keeps every one it read under a cache directory, which later reads use without the network.
 */
final class HubCache {

    private final HubClient hub;
    private final Path cacheDir;

    HubCache(HubClient hub, Path cacheDir) {
        this.hub = hub;
        this.cacheDir = cacheDir;
    }

    HttpUrl endpoint() {
        return hub.endpoint();
    }

    Path cacheDir() {
        return cacheDir;
    }

    /**
     * The text of {@code file} at {@code revision}; empty when the repository has no such file.
     *
     * @throws HubUnavailableException when the Hub cannot be reached or refuses access
     */
    Optional<String> read(String repo, String revision, String file) {
        Path cached = cacheDir.resolve(repo).resolve(encode(revision)).resolve(file);
        return fetch(hub.fileUrl(repo, revision, file), cached, repo + "/" + file);
    }

    /**
     * The JSON of the Hub API at {@code /api/<path>} with {@code query}; empty on 404. Kept under
     * {@code <cache>/api/<path>/<cacheName>}.
     *
     * @throws HubUnavailableException when the Hub cannot be reached or refuses access
     */
    Optional<String> api(String path, Map<String, String> query, String cacheName) {
        Path cached = cacheDir.resolve("api").resolve(path).resolve(cacheName);
        return fetch(hub.apiUrl(path, query), cached, "/api/" + path);
    }

    private Optional<String> fetch(HttpUrl url, Path cached, String what) {
        if (Files.isRegularFile(cached)) {
            try {
                return Optional.of(Files.readString(cached));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the cached " + cached, e);
            }
        }
        try (Response response = hub.get(url)) {
            if (response.code() == 404) {
                return Optional.empty();
            }
            if (HubClient.refused(response.code())) {
                throw new HubUnavailableException("the Hugging Face Hub refused " + url + " (HTTP " + response.code()
                        + "): " + hub.refusalAdvice());
            }
            if (!response.isSuccessful()) {
                throw new HubUnavailableException("the Hugging Face Hub answered HTTP " + response.code() + " for "
                        + url + "; try again later, or leave " + "modelgate.preflight unset to judge the declared facts only");
            }
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            store(cached, text);
            return Optional.of(text);
        } catch (IOException e) {
            throw new HubUnavailableException("cannot reach the Hugging Face Hub at " + hub.endpoint() + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + ") while reading " + what + ". The preflight needs network access, or responses"
                    + " cached under " + cacheDir + "; set modelgate.hfEndpoint to a reachable mirror, or leave"
                    + " modelgate.preflight unset to judge the declared facts only", e);
        }
    }

    private static void store(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        Files.writeString(temp, text);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String encode(String revision) {
        return URLEncoder.encode(revision, StandardCharsets.UTF_8);
    }
}
