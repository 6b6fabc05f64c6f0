package dev.modelgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NioHttpTransport} against a plain socket server on loopback that answers each request as
 * a test says (keep the connection, close it, answer nothing), counting the connections it accepts.
 */
class NioHttpTransportTest {

    /** What the server does with the {@code n}th request (from 1) of a connection. */
    private interface Answer {
        /** Writes the answer, or returns false to close the connection without one. */
        boolean answer(int nth, Request request, OutputStream out) throws IOException;
    }

    private record Request(String head, byte[] body) {
    }

    private ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private NioHttpTransport transport;

    private URI serve(Answer answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.incrementAndGet();
                    Thread t = new Thread(() -> converse(s, answer));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        URI base = URI.create("http://127.0.0.1:" + server.getLocalPort());
        transport = new NioHttpTransport(base, "test-selector");
        return base;
    }

    private static void converse(Socket s, Answer answer) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            for (int nth = 1; ; nth++) {
                Request r = readRequest(in);
                if (r == null || !answer.answer(nth, r, out)) {
                    return;
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        if (matched < 4) {
            return null;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return new Request(text, in.readNBytes(length));
    }

    private static boolean ok(OutputStream out, String body) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
        return true;
    }

    @AfterEach
    void stop() throws IOException {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** What one exchange told its listener. */
    private static final class Outcome implements ExchangeListener {
        final CompletableFuture<String> body = new CompletableFuture<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicLong sent = new AtomicLong();
        final AtomicInteger sends = new AtomicInteger();
        volatile int status;

        @Override
        public void sent(long nanos) {
            sent.set(nanos);
            sends.incrementAndGet();
        }

        @Override
        public void headers(int status, Map<String, String> headers, long nanos) {
            this.status = status;
        }

        @Override
        public void body(ByteBuffer b, long nanos) {
            byte[] copy = new byte[b.remaining()];
            b.get(copy);
            bytes.write(copy, 0, copy.length);
        }

        @Override
        public void end(long nanos) {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }

        @Override
        public void failed(Throwable cause) {
            body.completeExceptionally(cause);
        }

        String await() throws Exception {
            return body.get(10, TimeUnit.SECONDS);
        }
    }

    private Outcome post(URI base, String body) {
        Outcome o = new Outcome();
        transport.send(new WireRequest("POST", base.resolve("/v1/echo"), Map.of("Content-Type", "text/plain"),
                body.getBytes(StandardCharsets.UTF_8)), o);
        return o;
    }

    @Test
    void requestsOneAfterAnotherShareOneKeptAliveConnection() throws Exception {
        URI base = serve((nth, r, out) -> ok(out, nth + ":" + new String(r.body(), StandardCharsets.UTF_8)));
        assertThat(post(base, "a").await()).isEqualTo("1:a");
        assertThat(post(base, "b").await()).isEqualTo("2:b");
        assertThat(post(base, "c").await()).isEqualTo("3:c");
        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void theRequestIsWrittenAsSentWithHostAndLength() throws Exception {
        CompletableFuture<String> head = new CompletableFuture<>();
        URI base = serve((nth, r, out) -> {
            head.complete(r.head());
            return ok(out, "");
        });
        post(base, "xyz").await();
        assertThat(head.get()).startsWith("POST /v1/echo HTTP/1.1\r\n")
                .contains("Host: 127.0.0.1:" + base.getPort() + "\r\n", "Content-Type: text/plain\r\n",
                        "Content-Length: 3\r\n");
    }

    @Test
    void aRequestLargerThanTheSocketBufferIsWrittenWhole() throws Exception {
        URI base = serve((nth, r, out) -> ok(out, Integer.toString(r.body().length)));
        String big = "x".repeat(8 * 1024 * 1024);
        assertThat(post(base, big).await()).isEqualTo(Integer.toString(big.length()));
    }

    @Test
    void anIdleConnectionTheServerClosedIsNotUsedAgain() throws Exception {
        URI base = serve((nth, r, out) -> {
            ok(out, "once");
            return false; // closes after answering, although the response allows keep-alive
        });
        assertThat(post(base, "a").await()).isEqualTo("once");
        Thread.sleep(200); // the selector reads the close
        assertThat(transport.connections()).isZero();
        assertThat(post(base, "b").await()).isEqualTo("once");
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void aReusedConnectionClosedBeforeAnyAnswerIsRetriedOnceOnANewOne() throws Exception {
        URI base = serve((nth, r, out) -> nth == 1 && ok(out, "first"));
        assertThat(post(base, "a").await()).isEqualTo("first");
        Outcome second = post(base, "b");
        assertThat(second.await()).isEqualTo("first");
        assertThat(second.sends.get()).as("written twice: the closed connection, then a new one").isEqualTo(2);
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void aNewConnectionClosedBeforeAnyAnswerFails() throws Exception {
        URI base = serve((nth, r, out) -> false);
        Outcome o = post(base, "a");
        assertThat(o.body).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .withMessageContaining("closed before any response");
        assertThat(o.sends.get()).isEqualTo(1);
    }

    @Test
    void aResponseCutShortFailsAndIsNotRetried() throws Exception {
        URI base = serve((nth, r, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.UTF_8));
            return false;
        });
        Outcome o = post(base, "a");
        assertThat(o.body).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .withMessageContaining("7 body bytes missing");
    }

    @Test
    void aRefusedConnectionFails() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        transport = new NioHttpTransport(base, "test-selector");
        Outcome o = post(base, "a");
        assertThat(o.body).failsWithin(Duration.ofSeconds(10)).withThrowableThat().withMessageContaining("refused");
        assertThat(o.sends.get()).as("never written").isZero();
    }

    @Test
    void openedConnectionsAreReusedByTheRequestsAfterThem() throws Exception {
        URI base = serve((nth, r, out) -> ok(out, "x"));
        transport.openConnections(8, new WireRequest("GET", base.resolve("/v1/models"), Map.of(), new byte[0]),
                Duration.ofSeconds(10));
        assertThat(accepted.get()).isEqualTo(8);
        assertThat(transport.connections()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            post(base, "a").await();
        }
        assertThat(accepted.get()).as("no new connection").isEqualTo(8);
    }

    @Test
    void aStoppedExchangeClosesItsConnectionAndIsNotReported() throws Exception {
        CompletableFuture<Void> asked = new CompletableFuture<>();
        URI base = serve((nth, r, out) -> {
            asked.complete(null);
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok(out, "late");
        });
        Outcome o = new Outcome();
        Runnable stop = transport.send(new WireRequest("POST", base.resolve("/v1/echo"), Map.of(), new byte[] {1}), o);
        asked.get(10, TimeUnit.SECONDS);
        stop.run();
        Thread.sleep(100);
        assertThat(transport.connections()).isZero();
        assertThat(o.body).isNotDone();
    }
}
