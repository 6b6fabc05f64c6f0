package dev.modelgate.client;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Told of one HTTP exchange as a {@link StreamTransport} carries it, each call with the
 * {@link System#nanoTime()} of its moment. Calls come in order from one thread at a time and must
 * return quickly: they run on the thread that reads the sockets.
 */
interface ExchangeListener {

    /** The request is about to be written (again, when a reused connection turned out closed). */
    void sent(long nanos);

    /** The status line and headers were read (names in lower case). */
    void headers(int status, Map<String, String> headers, long nanos);

    /** Body bytes, without transfer framing; only valid during the call. */
    void body(ByteBuffer bytes, long nanos);

    /** The whole response was read. */
    void end(long nanos);

    /**
     * The exchange failed: an {@link java.io.IOException}, or a {@link ProtocolError} for a broken
     * response, possibly wrapped in a {@link java.util.concurrent.CompletionException}.
     */
    void failed(Throwable cause);
}
