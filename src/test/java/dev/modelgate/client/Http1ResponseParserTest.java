package dev.modelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Http1ResponseParser} on responses cut into pieces at every place a socket read could cut them. */
class Http1ResponseParserTest {

    private static final class Seen implements Http1ResponseParser.Listener {
        final List<Integer> statuses = new ArrayList<>();
        final List<Map<String, String>> headers = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int ends;

        @Override
        public void headers(int status, Map<String, String> h) {
            statuses.add(status);
            headers.add(h);
        }

        @Override
        public void body(ByteBuffer bytes) {
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            body.write(b, 0, b.length);
        }

        @Override
        public void end() {
            ends++;
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    /** Feeds {@code response} in two pieces cut at {@code cut}; returns what the listener saw and where the parser stopped. */
    private static Seen parse(Http1ResponseParser parser, byte[] response, int cut) throws Exception {
        Seen seen = new Seen();
        ByteBuffer first = ByteBuffer.wrap(response, 0, cut);
        parser.feed(first, seen);
        if (!parser.done()) {
            parser.feed(ByteBuffer.wrap(response, cut, response.length - cut), seen);
        }
        return seen;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aChunkedEventStreamReadsTheSameWhereverTheReadsCutIt() throws Exception {
        String events = "data: {\"a\":1}\n\ndata: [DONE]\n\n";
        byte[] response = bytes("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "e\r\n" + events.substring(0, 14) + "\r\n"
                + Integer.toHexString(events.length() - 14) + ";ext=1\r\n" + events.substring(14) + "\r\n"
                + "0\r\nX-Trailer: t\r\n\r\n");
        for (int cut = 0; cut <= response.length; cut++) {
            Http1ResponseParser parser = new Http1ResponseParser();
            Seen seen = parse(parser, response, cut);
            assertThat(seen.statuses).as("cut at %d", cut).containsExactly(200);
            assertThat(seen.headers.get(0)).containsEntry("content-type", "text/event-stream");
            assertThat(seen.text()).as("cut at %d", cut).isEqualTo(events);
            assertThat(seen.ends).isEqualTo(1);
            assertThat(parser.keepAlive()).isTrue();
        }
    }

    @Test
    void aBodyByLengthEndsAtItsLastByteAndLeavesTheNextResponse() throws Exception {
        byte[] two = bytes("HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nnopeXHTTP/1.1 200 OK\r\n");
        Http1ResponseParser parser = new Http1ResponseParser();
        Seen seen = new Seen();
        ByteBuffer in = ByteBuffer.wrap(two);
        parser.feed(in, seen);
        assertThat(seen.statuses).containsExactly(404);
        assertThat(seen.text()).isEqualTo("nopeX");
        assertThat(parser.done()).isTrue();
        assertThat(in.position()).as("stops after the response").isEqualTo(two.length - "HTTP/1.1 200 OK\r\n".length());
        parser.reset();
        assertThat(parser.started()).isFalse();
    }

    @Test
    void aBodyWithoutLengthRunsToTheCloseAndTheConnectionIsNotReused() throws Exception {
        byte[] response = bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it");
        Http1ResponseParser parser = new Http1ResponseParser();
        Seen seen = parse(parser, response, 20);
        assertThat(seen.ends).isZero();
        parser.endOfStream(seen);
        assertThat(seen.text()).isEqualTo("all of it");
        assertThat(seen.ends).isEqualTo(1);
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void connectionCloseAndHttp10AreNotKeptAlive() throws Exception {
        Http1ResponseParser close = new Http1ResponseParser();
        parse(close, bytes("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"), 3);
        assertThat(close.done()).isTrue();
        assertThat(close.keepAlive()).isFalse();
        Http1ResponseParser old = new Http1ResponseParser();
        parse(old, bytes("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"), 3);
        assertThat(old.keepAlive()).isFalse();
    }

    @Test
    void anInterimResponseIsSkipped() throws Exception {
        Http1ResponseParser parser = new Http1ResponseParser();
        Seen seen = parse(parser, bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"), 10);
        assertThat(seen.statuses).containsExactly(204);
        assertThat(seen.ends).isEqualTo(1);
    }

    @Test
    void aResponseCutShortIsNamedWhereItWasCut() throws Exception {
        Http1ResponseParser parser = new Http1ResponseParser();
        Seen seen = parse(parser, bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"), 5);
        assertThatThrownBy(() -> parser.endOfStream(seen)).hasMessageContaining("in the middle of the response")
                .hasMessageContaining("7 body bytes missing");
        Http1ResponseParser none = new Http1ResponseParser();
        assertThatThrownBy(() -> none.endOfStream(new Seen())).hasMessageContaining("before any response");
    }

    @Test
    void whatIsNotHttpIsRefusedWithTheLine() {
        assertThatThrownBy(() -> parse(new Http1ResponseParser(), bytes("SSH-2.0-OpenSSH\r\n"), 4))
                .isInstanceOf(Http1ResponseParser.MalformedResponse.class).hasMessageContaining("SSH-2.0-OpenSSH");
        assertThatThrownBy(() -> parse(new Http1ResponseParser(),
                bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"), 4))
                .hasMessageContaining("chunk size: 'zz'");
        assertThatThrownBy(() -> parse(new Http1ResponseParser(),
                bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n"), 4))
                .hasMessageContaining("longer than its size");
    }
}
