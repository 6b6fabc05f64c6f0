package dev.modelgate.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A loopback HTTP server that answers every request with one canned response, byte for byte: the
 * shapes real servers and proxies send, including the malformed ones. Close it after use.
 */
final class CannedServer implements AutoCloseable {

    private final HttpServer server;

    private CannedServer(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    static CannedServer json(int status, String body) {
        return new CannedServer(status, "application/json", body);
    }

    /** A 200 event stream whose body is exactly {@code body}. */
    static CannedServer events(String body) {
        return new CannedServer(200, "text/event-stream; charset=utf-8", body);
    }

    ChatClient client() {
        return new ChatClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "m",
                java.util.Optional.empty(), ClientOptions.DEFAULTS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
