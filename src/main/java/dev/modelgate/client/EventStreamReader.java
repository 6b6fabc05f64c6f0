package dev.modelgate.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
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
        AtomicBoolean atEnd = new AtomicBoolean();
        Response terminated = response.newBuilder().body(new TerminatedBody(response.body(), atEnd)).build();
        EventSources.processResponse(terminated, new EventSourceListener() {
            @Override
            public void onEvent(EventSource eventSource, String id, String type, String data) {
                long now = System.nanoTime();
                if (failure.get() != null) {
                    return;
                }
                try {
                    assembler.accept(data, now);
                } catch (ProtocolError e) {
                    failure.set(atEnd.get() ? new ProtocolError("stream from " + source + " ended in the middle of"
                            + " an event (connection closed early): " + e.getMessage(), e) : e);
                    eventSource.cancel();
                } catch (ServerError e) {
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

    /**
     * The response body with one blank line added at its end: an event is dispatched at a blank line,
     * and a server that ends with {@code data: [DONE]} but no blank line after it (some proxies do)
     * has still ended its stream properly. {@code atEnd} is set once the server's bytes are all read,
     * so an event completed only by the added line is known to be the stream's last.
     */
    private static final class TerminatedBody extends ResponseBody {
        private final ResponseBody body;
        private final BufferedSource source;

        TerminatedBody(ResponseBody body, AtomicBoolean atEnd) {
            this.body = body;
            this.source = Okio.buffer(new ForwardingSource(body.source()) {
                private boolean added;

                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long n = super.read(sink, byteCount);
                    if (n != -1 || added) {
                        return n;
                    }
                    added = true;
                    atEnd.set(true);
                    sink.writeUtf8("\n\n");
                    return 2;
                }
            });
        }

        @Override
        public MediaType contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() {
            return -1;
        }

        @Override
        public BufferedSource source() {
            return source;
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
