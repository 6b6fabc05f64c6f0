package dev.modelgate.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a {@code text/event-stream} body from its bytes as they come off the socket, without a
 * thread of its own: lines end with LF, CR LF or CR, even when a piece of the body ends between
 * the CR and the LF; each {@code data:} event goes to a {@link StreamAssembler} with the
 * {@link System#nanoTime()} of the read that brought its last byte. Multi-line data is joined with
 * {@code \n}; comments ({@code :…}) and the {@code event}, {@code id} and {@code retry} fields are
 * skipped. The outcome goes to the result: the completion, or the client's own exceptions
 * ({@link ServerError}, {@link ProtocolError}). Not thread-safe: one reading thread.
 */
final class EventStreamParser {

    private final StreamAssembler assembler;
    private final String source;
    private final CompletableFuture<Completion> result;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean afterCr;

    EventStreamParser(StreamAssembler assembler, String source, CompletableFuture<Completion> result) {
        this.assembler = assembler;
        this.source = source;
        this.result = result;
    }

    /** Bytes of the body, read at {@code arrivalNanos}. */
    void bytes(ByteBuffer bytes, long arrivalNanos) {
        while (bytes.hasRemaining() && !result.isDone()) {
            byte b = bytes.get();
            if (b == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                line(text, arrivalNanos);
            } else {
                line.write(b);
            }
        }
    }

    private void line(String text, long arrivalNanos) {
        if (text.isEmpty()) {
            if (hasData) {
                String event = data.toString();
                data.setLength(0);
                hasData = false;
                dispatch(event, arrivalNanos);
            }
            return;
        }
        if (text.charAt(0) == ':') {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        if (!"data".equals(field)) {
            return;
        }
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (hasData) {
            data.append('\n');
        }
        data.append(value);
        hasData = true;
    }

    private void dispatch(String event, long arrivalNanos) {
        try {
            assembler.accept(event, arrivalNanos);
        } catch (ServerError | ProtocolError e) {
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            result.completeExceptionally(new ProtocolError("unreadable stream event: " + e, e));
        }
    }

    /**
     * The body ended at {@code endNanos}: the completion, unless the stream ended before
     * {@code [DONE]}. An event not closed by its blank line is dropped, as the format says.
     */
    void end(long endNanos) {
        if (result.isDone()) {
            return;
        }
        if (!assembler.done()) {
            result.completeExceptionally(new ProtocolError("stream from " + source
                    + " ended without data: [DONE] (connection closed early)"));
            return;
        }
        result.complete(assembler.finish(endNanos));
    }
}
