package dev.modelgate.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 responses from bytes as they come off a socket, in whatever pieces they come:
 * the status line, the headers, then the body by {@code Content-Length}, by chunks
 * ({@code Transfer-Encoding: chunked}) or up to the end of the connection. Interim responses
 * ({@code 1xx}) are skipped. The body reaches the listener without its chunk framing, as soon as
 * its bytes are in. One response at a time; {@link #reset()} readies it for the next on a
 * kept-alive connection. Not thread-safe: one reading thread.
 */
final class Http1ResponseParser {

    /** Told of the parts of a response in order. A body slice is only valid during the call. */
    interface Listener {
        void headers(int status, Map<String, String> headers);

        void body(ByteBuffer bytes);

        void end();
    }

    /** A response that breaks HTTP/1.1. */
    static final class MalformedResponse extends Exception {
        MalformedResponse(String message) {
            super(message);
        }
    }

    private static final int MAX_LINE = 64 * 1024;

    private enum State { STATUS, HEADERS, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, DONE }

    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private State state = State.STATUS;
    private int status;
    private Map<String, String> headers = new HashMap<>();
    private long remaining;
    private boolean keepAlive;
    private boolean started;
    /** Whether any byte of the current response has been read. */
    boolean started() {
        return started;
    }

    boolean done() {
        return state == State.DONE;
    }

    /** Whether the connection may carry another request once this response is done. */
    boolean keepAlive() {
        return keepAlive && state == State.DONE;
    }

    void reset() {
        state = State.STATUS;
        lineLength = 0;
        status = 0;
        headers = new HashMap<>();
        remaining = 0;
        keepAlive = false;
        started = false;
    }

    /**
     * Reads from {@code in} until it is empty or the response is done; in the latter case
     * {@code in}'s position is at the first byte after the response.
     */
    void feed(ByteBuffer in, Listener listener) throws MalformedResponse {
        if (in.hasRemaining()) {
            started = true;
        }
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
                    String text = readLine(in);
                    if (text != null) {
                        onLine(text, listener);
                    }
                }
                case FIXED, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    deliver(in, n, listener);
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.FIXED) {
                            finish(listener);
                        } else {
                            state = State.CHUNK_END;
                        }
                    }
                }
                case UNTIL_CLOSE -> deliver(in, in.remaining(), listener);
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /** The connection closed: ends a body that runs to the close, or fails a response cut short. */
    void endOfStream(Listener listener) throws MalformedResponse {
        if (state == State.UNTIL_CLOSE) {
            keepAlive = false;
            finish(listener);
        } else if (state != State.DONE) {
            throw new MalformedResponse(started
                    ? "the connection closed in the middle of the response (" + where() + ")"
                    : "the connection closed before any response");
        }
    }

    private String where() {
        return switch (state) {
            case STATUS -> "status line";
            case HEADERS -> "headers";
            case FIXED -> remaining + " body bytes missing";
            case CHUNK_SIZE, CHUNK_DATA, CHUNK_END -> "chunked body";
            case TRAILERS -> "trailers";
            default -> state.name();
        };
    }

    private static void deliver(ByteBuffer in, int n, Listener listener) {
        if (n == 0) {
            return;
        }
        ByteBuffer slice = in.slice(in.position(), n);
        in.position(in.position() + n);
        listener.body(slice);
    }

    /** A whole line without its CR LF, or null when the line goes on in the next bytes. */
    private String readLine(ByteBuffer in) throws MalformedResponse {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                int end = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
                lineLength = 0;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (lineLength == MAX_LINE) {
                throw new MalformedResponse("a response line over " + MAX_LINE + " bytes (" + where() + ")");
            }
            line[lineLength++] = b;
        }
        return null;
    }

    private void onLine(String text, Listener listener) throws MalformedResponse {
        switch (state) {
            case STATUS -> status(text);
            case HEADERS -> {
                if (text.isEmpty()) {
                    endOfHeaders(listener);
                } else {
                    header(text);
                }
            }
            case CHUNK_SIZE -> {
                long size = chunkSize(text);
                if (size == 0) {
                    state = State.TRAILERS;
                } else {
                    remaining = size;
                    state = State.CHUNK_DATA;
                }
            }
            case CHUNK_END -> {
                if (!text.isEmpty()) {
                    throw new MalformedResponse("a chunk longer than its size line said");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (text.isEmpty()) {
                    finish(listener);
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void status(String text) throws MalformedResponse {
        if (text.isEmpty() && status == 0) {
            return; // a stray line break between responses
        }
        String[] parts = text.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new MalformedResponse("not an HTTP/1.x status line: '" + StreamAssembler.abbreviate(text) + "'");
        }
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new MalformedResponse("a status line without a status code: '" + text + "'");
        }
        keepAlive = !parts[0].equals("HTTP/1.0");
        state = State.HEADERS;
    }

    private void header(String text) throws MalformedResponse {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new MalformedResponse("a header line without a name: '" + StreamAssembler.abbreviate(text) + "'");
        }
        String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1).trim();
        headers.merge(name, value, (a, b) -> a + ", " + b);
    }

    private void endOfHeaders(Listener listener) throws MalformedResponse {
        if (status >= 100 && status < 200) {
            int interim = status;
            reset();
            started = true;
            if (interim == 101) {
                throw new MalformedResponse("the server switched protocols (101), which was not asked for");
            }
            return;
        }
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        if (connection.contains("close")) {
            keepAlive = false;
        } else if (connection.contains("keep-alive")) {
            keepAlive = true;
        }
        listener.headers(status, Map.copyOf(headers));
        String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        String length = headers.get("content-length");
        if (status == 204 || status == 304) {
            finish(listener);
        } else if (encoding.endsWith("chunked")) {
            state = State.CHUNK_SIZE;
        } else if (length != null) {
            try {
                remaining = Long.parseLong(length.contains(",") ? length.substring(0, length.indexOf(',')).trim() : length);
            } catch (NumberFormatException e) {
                throw new MalformedResponse("an unreadable Content-Length: '" + length + "'");
            }
            if (remaining < 0) {
                throw new MalformedResponse("a negative Content-Length: " + length);
            }
            if (remaining == 0) {
                finish(listener);
            } else {
                state = State.FIXED;
            }
        } else {
            keepAlive = false;
            state = State.UNTIL_CLOSE;
        }
    }

    private static long chunkSize(String text) throws MalformedResponse {
        int semicolon = text.indexOf(';');
        String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new MalformedResponse("an unreadable chunk size: '" + StreamAssembler.abbreviate(text) + "'");
        }
    }

    private void finish(Listener listener) {
        state = State.DONE;
        listener.end();
    }
}
