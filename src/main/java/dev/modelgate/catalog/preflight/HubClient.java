package dev.modelgate.catalog.preflight;

import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP side of the Hugging Face Hub, for the preflight, the survey and GGUF downloads: the
 * endpoint ({@code modelgate.hfEndpoint}) checked to be a URL, the URLs of repository files
 * ({@code <endpoint>/<repo>/resolve/<revision>/<path>}) and of the Hub API, and the token, which is
 * sent as a bearer and appears nowhere else (not in URLs, messages or logs).
 */
public final class HubClient {

    /** The environment variable that holds the Hub token. */
    public static final String TOKEN_VARIABLE = "HF_TOKEN";

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final Optional<Secret> token;

    private HubClient(OkHttpClient http, HttpUrl endpoint, Optional<Secret> token) {
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
    }

    /**
     * A client of the Hub at {@code endpoint} (the value of {@code modelgate.hfEndpoint}).
     *
     * @throws IllegalArgumentException when {@code endpoint} is not an http(s) URL
     */
    public static HubClient forEndpoint(String endpoint, Optional<Secret> token) {
        HttpUrl url = HttpUrl.parse(endpoint);
        if (url == null) {
            throw new IllegalArgumentException("Configuration error: " + Settings.HF_ENDPOINT + "=" + endpoint
                    + " is not an http(s) URL; use e.g. " + HubPreflight.DEFAULT_ENDPOINT);
        }
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        return new HubClient(http, url, token);
    }

    /** The token in {@value #TOKEN_VARIABLE}, if set (registered as a secret, so that it is redacted). */
    public static Optional<Secret> tokenFromEnvironment() {
        return Optional.ofNullable(System.getenv(TOKEN_VARIABLE)).filter(v -> !v.isBlank()).map(String::trim)
                .map(Secret::new);
    }

    /** The same Hub with the patience of large downloads: longer connect and read timeouts. */
    public HubClient forDownloads() {
        return new HubClient(http.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ofSeconds(60)).followRedirects(true).build(), endpoint, token);
    }

    public HttpUrl endpoint() {
        return endpoint;
    }

    /** Whether requests carry a token. */
    public boolean sendsToken() {
        return token.isPresent();
    }

    /** {@code <endpoint>/<repo>/resolve/<revision>/<path>}; {@code repo} is {@code owner/name}, {@code path} may have folders. */
    public HttpUrl fileUrl(String repo, String revision, String path) {
        return endpoint.newBuilder().addPathSegments(repo).addPathSegment("resolve").addPathSegment(revision)
                .addPathSegments(path).build();
    }

    /** {@code <endpoint>/api/<path>?<query>}. */
    public HttpUrl apiUrl(String path, Map<String, String> query) {
        HttpUrl.Builder url = endpoint.newBuilder().addPathSegment("api").addPathSegments(path);
        query.forEach(url::addQueryParameter);
        return url.build();
    }

    /** GET {@code url}, with the token as bearer if there is one; the caller closes the response. */
    public Response get(HttpUrl url) throws IOException {
        Request.Builder request = new Request.Builder().url(url).get();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
        return http.newCall(request.build()).execute();
    }

    /** Whether the Hub refused access (401, 403): a gated or private repository, or a token without access. */
    public static boolean refused(int code) {
        return code == 401 || code == 403;
    }

    /** What to do about a refusal, depending on whether a token was sent. */
    public String refusalAdvice() {
        return token.isPresent()
                ? "the token from " + TOKEN_VARIABLE + " was sent but has no access; accept the model's licence on its"
                        + " Hub page with that account"
                : "the repository is gated or private; accept its licence on the Hub and set " + TOKEN_VARIABLE;
    }
}
