package dev.modelgate.catalog.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback HTTP server that answers like the Hub's {@code /<repo>/resolve/<revision>/<file>} with
 * the recorded files under {@code hub/} on the test class path: 404 for a file that is not there,
 * 401 for any repository of {@code gated-org}. Like the Hub's API it also answers
 * {@code /api/models/<repo>} with {@code hub/<repo>/model-info.json}, whatever the capitalisation of
 * the request, and the model search {@code /api/models?author=&search=&limit=} from
 * {@code hub/api/authors/<author>.json}, keeping the ids that contain the search word (any case).
 * It records every request it saw. Registered as an extension it runs for each test.
 */
final class RecordedHub implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String path, String authorization) {
    }

    private static final String INFO = "model-info.json";

    private static final Pattern RESOLVE = Pattern.compile("^/(.+?)/resolve/([^/]+)/(.+)$");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    List<Seen> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Seen(path, exchange.getRequestHeaders().getFirst("Authorization")));
        if (path.equals("/api/models")) {
            search(exchange);
            return;
        }
        if (path.startsWith("/api/models/")) {
            String repo = recordedSpelling(path.substring("/api/models/".length()));
            respond(exchange, repo == null ? 404 : 200, repo == null ? "{\"error\":\"Repository not found\"}"
                    : resource("hub/" + repo + "/" + INFO));
            return;
        }
        Matcher m = RESOLVE.matcher(path);
        if (!m.matches()) {
            respond(exchange, 404, "{\"error\":\"Not Found\"}");
            return;
        }
        String repo = m.group(1);
        if (repo.startsWith("gated-org/")) {
            respond(exchange, 401, "{\"error\":\"Access to model " + repo + " is restricted. You must have access"
                    + " to it and be authenticated to access it. Please log in.\"}");
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("hub/" + repo + "/" + m.group(3))) {
            if (in == null) {
                respond(exchange, 404, "{\"error\":\"Entry not found\"}");
            } else {
                respond(exchange, 200, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private void search(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String recorded = resource("hub/api/authors/" + query.getOrDefault("author", "") + ".json");
        if (recorded == null) {
            respond(exchange, 200, "[]");
            return;
        }
        String word = query.getOrDefault("search", "").toLowerCase(Locale.ROOT);
        int limit = Integer.parseInt(query.getOrDefault("limit", "1000"));
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode model : JSON.readTree(recorded)) {
            if (model.path("id").asText().toLowerCase(Locale.ROOT).contains(word) && kept.size() < limit) {
                kept.add(model);
            }
        }
        respond(exchange, 200, JSON.writeValueAsString(kept));
    }

    /** The recorded repository whose name equals {@code requested} ignoring case, as recorded. */
    private String recordedSpelling(String requested) throws IOException {
        URL root = getClass().getClassLoader().getResource("hub");
        if (root == null) {
            return null;
        }
        Path dir;
        try {
            dir = Path.of(root.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().equals(INFO))
                    .map(f -> dir.relativize(f.getParent()).toString().replace('\\', '/'))
                    .filter(repo -> repo.equalsIgnoreCase(requested)).findFirst().orElse(null);
        }
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
