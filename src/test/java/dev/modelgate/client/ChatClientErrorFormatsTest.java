package dev.modelgate.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Error bodies of older vLLM versions, served by a plain loopback server. */
class ChatClientErrorFormatsTest {

    @Test
    void theOlderErrorObjectWithoutAnErrorWrapperIsQuoted() throws Exception {
        byte[] body = ("{\"object\":\"error\",\"message\":\"This model's maximum context length is 4096 tokens.\","
                + "\"type\":\"BadRequestError\",\"param\":null,\"code\":400}").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (ChatClient client = new ChatClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "m",
                Optional.empty(), ClientOptions.DEFAULTS)) {
            assertThatThrownBy(() -> client.stream(ChatRequest.user("x")))
                    .isInstanceOfSatisfying(ServerError.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.type()).isEqualTo("BadRequestError");
                        assertThat(e.serverMessage()).isEqualTo("This model's maximum context length is 4096 tokens.");
                    });
        } finally {
            server.stop(0);
        }
    }
}
