package dev.modelgate.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * Reads a {@code text/event-stream} response into a {@link StreamAssembler}, taking each event's
 * arrival time as it is parsed off the wire. The only exceptions it lets out are the client's
 * own: {@link ServerError}, {@link ProtocolError}, and {@link IOException} for the transport
 * (which the client maps to timeouts or protocol errors).
 */
final class EventStreamReader {

    private EventStreamReader() {
    }

    static Completion read(Response response, StreamAssembler assembler, String source) throws IOException {
        String contentType = Optional.ofNullable(response.body().contentType()).map(MediaType::toString).orElse("");
        if (!contentType.startsWith("text/event-stream")) {
            String text = response.body().string();
            throw new ProtocolError("expected an event stream (text/event-stream) but got '" + contentType + "': "
                    + StreamAssembler.abbreviate(text));
        }
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicReference<Throwable> transport = new AtomicReference<>();
        EventSources.processResponse(response, new EventSourceListener() {
            @Override
            public void onEvent(EventSource eventSource, String id, String type, String data) {
                long now = System.nanoTime();
                if (failure.get() != null) {
                    return;
                }
                try {
                    assembler.accept(data, now);
                } catch (ServerError | ProtocolError e) {
                    failure.set(e);
                    eventSource.cancel();
                } catch (RuntimeException e) {
                    failure.set(new ProtocolError("unreadable stream event: " + e, e));
                    eventSource.cancel();
                }
            }

            @Override
            public void onFailure(EventSource eventSource, Throwable t, Response r) {
                if (failure.get() == null && t != null) {
                    transport.set(t);
                }
            }
        });
        long end = System.nanoTime();
        if (failure.get() != null) {
            throw failure.get();
        }
        Throwable t = transport.get();
        if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
            throw (IOException) t;
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t != null) {
            throw new ProtocolError("stream from " + source + " failed: " + t, t);
        }
        if (!assembler.done()) {
            throw new ProtocolError("stream from " + source + " ended without data: [DONE] (connection closed early)");
        }
        return assembler.finish(end);
    }
}
