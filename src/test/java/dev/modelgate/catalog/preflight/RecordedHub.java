package dev.modelgate.catalog.preflight;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that answers like the Hub's {@code /<repo>/resolve/<revision>/<file>} with
 * the recorded files under {@code hub/} on the test class path: 404 for a file that is not there,
 * 401 for any repository of {@code gated-org}. It records every request it saw.
 */
final class RecordedHub implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String path, String authorization) {
    }

    private static final Pattern RESOLVE = Pattern.compile("^/(.+?)/resolve/([^/]+)/(.+)$");

    private final HttpServer server;
    private final List<Seen> requests = new CopyOnWriteArrayList<>();

    private RecordedHub(HttpServer server) {
        this.server = server;
    }

    static RecordedHub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RecordedHub hub = new RecordedHub(server);
        server.createContext("/", hub::handle);
        server.start();
        return hub;
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
