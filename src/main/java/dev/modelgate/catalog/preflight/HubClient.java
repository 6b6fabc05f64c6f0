package dev.modelgate.catalog.preflight;

import dev.modelgate.catalog.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads files of a model repository from the Hugging Face Hub ({@code <endpoint>/<repo>/resolve/<revision>/<file>})
 * and keeps every file it read under a cache directory, which later reads use without the network.
 * The token, when there is one, is sent as a bearer and appears nowhere else.
 */
final class HubClient {

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final Optional<Secret> token;
    private final Path cacheDir;

    /** A client of the Hub at {@code endpoint} (the value of {@code modelgate.hfEndpoint}), checked to be a URL. */
    static HubClient forEndpoint(String endpoint, Optional<Secret> token, Path cacheDir) {
        HttpUrl url = HttpUrl.parse(endpoint);
        if (url == null) {
            throw new IllegalArgumentException("Configuration error: " + dev.modelgate.catalog.Settings.HF_ENDPOINT
                    + "=" + endpoint + " is not an http(s) URL; use e.g. " + HubPreflight.DEFAULT_ENDPOINT);
        }
        return new HubClient(url, token, cacheDir);
    }

    HubClient(HttpUrl endpoint, Optional<Secret> token, Path cacheDir) {
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        this.endpoint = endpoint;
        this.token = token;
        this.cacheDir = cacheDir;
    }

    HttpUrl endpoint() {
        return endpoint;
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
        HttpUrl url = endpoint.newBuilder()
                .addPathSegments(repo)
                .addPathSegment("resolve")
                .addPathSegment(revision)
                .addPathSegment(file)
                .build();
        return fetch(url, cached, repo + "/" + file);
    }

    /**
     * The JSON of the Hub API at {@code /api/<path>} with {@code query}; empty on 404. Kept under
     * {@code <cache>/api/<path>/<cacheName>}.
     *
     * @throws HubUnavailableException when the Hub cannot be reached or refuses access
     */
    Optional<String> api(String path, Map<String, String> query, String cacheName) {
        Path cached = cacheDir.resolve("api").resolve(path).resolve(cacheName);
        HttpUrl.Builder url = endpoint.newBuilder().addPathSegment("api").addPathSegments(path);
        query.forEach(url::addQueryParameter);
        return fetch(url.build(), cached, "/api/" + path);
    }

    private Optional<String> fetch(HttpUrl url, Path cached, String what) {
        if (Files.isRegularFile(cached)) {
            try {
                return Optional.of(Files.readString(cached));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the cached " + cached, e);
            }
        }
        Request.Builder request = new Request.Builder().url(url).get();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
        try (Response response = http.newCall(request.build()).execute()) {
            if (response.code() == 404) {
                return Optional.empty();
            }
            if (response.code() == 401 || response.code() == 403) {
                throw new HubUnavailableException("the Hugging Face Hub refused " + url + " (HTTP " + response.code()
                        + "): " + (token.isPresent()
                        ? "the token from HF_TOKEN was sent but has no access; accept the model's licence on its Hub page with that account"
                        : "the repository is gated or private; accept its licence on the Hub and set HF_TOKEN"));
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
            throw new HubUnavailableException("cannot reach the Hugging Face Hub at " + endpoint + " ("
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
