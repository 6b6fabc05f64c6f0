package dev.modelgate.client;

import dev.modelgate.catalog.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Streams chat completions without a thread per stream, for load: {@link #stream} returns at once
 * and its future completes when {@code [DONE]} arrives. To an {@code http://} server it writes each
 * request on the calling thread, at once, on a free kept-alive connection (or opens one without
 * blocking), and reads every stream on one selector thread ({@link NioHttpTransport}); to an
 * {@code https://} server it goes through the JDK's HTTP client ({@link JdkHttpTransport}).
 * Requests, their body and the figures of the {@link Completion} are those of {@link ChatClient},
 * which stays the client for sequential use; this one is for many streams at once.
 *
 * <p>Times: sent just before the request's first byte is written, first byte when the bytes that
 * end the response headers were read, each event when the bytes that end it were read (one
 * {@link System#nanoTime()} per read off the socket). The future completes on the reading thread,
 * so a request sent from its callback goes out at once. Timeouts as {@link ClientOptions} say,
 * checked every 100 ms by one watchdog thread: no connection within {@code connectTimeout}, no
 * bytes for {@code idleTimeout}, or the whole request over {@code requestTimeout}, fails the stream
 * with {@link RequestTimeout}. Thread-safe.
 */
public final class StreamDriver implements AutoCloseable {

    private static final long WATCH_PERIOD_MS = 100;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final URI baseUrl;
    private final String model;
    private final Optional<Secret> apiKey;
    private final ClientOptions options;
    private final UnaryOperator<ChatRequest> adapter;
    private final Consumer<RuntimeException> failures;
    private final StreamTransport transport;
    private final ScheduledExecutorService watchdog;
    private final Set<LiveStream> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();

    public StreamDriver(URI baseUrl, String model, Optional<Secret> apiKey, ClientOptions options) {
        this(baseUrl, model, apiKey, options, UnaryOperator.identity(), failure -> { },
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param adapter  applied to every request before it is sent (as {@link ChatClient}'s)
     * @param failures told of every {@link ServerError}, {@link ProtocolError} and {@link RequestTimeout}
     * @param readers  for an {@code https://} server, the JDK client's threads that parse and
     *                 time-stamp events; an {@code http://} server is read by one selector thread
     */
    public StreamDriver(URI baseUrl, String model, Optional<Secret> apiKey, ClientOptions options,
                        UnaryOperator<ChatRequest> adapter, Consumer<RuntimeException> failures, int readers) {
        this(baseUrl, model, apiKey, options, adapter, failures,
                "https".equalsIgnoreCase(baseUrl.getScheme()) ? new JdkHttpTransport(options.connectTimeout(), readers)
                        : new NioHttpTransport(baseUrl, "modelgate-stream-selector"));
    }

    /** With the given transport (a test runs the https one over http). */
    StreamDriver(URI baseUrl, String model, Optional<Secret> apiKey, ClientOptions options,
                 UnaryOperator<ChatRequest> adapter, Consumer<RuntimeException> failures, StreamTransport transport) {
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        this.model = model;
        this.apiKey = apiKey;
        this.options = options;
        this.adapter = adapter;
        this.failures = failures;
        this.transport = transport;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "modelgate-stream-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::watch, WATCH_PERIOD_MS, WATCH_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String model() {
        return model;
    }

    /** Streams on the wire right now (sent, not yet ended). */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Sends {@code request} streaming; returns at once. The future completes on the reading thread
     * with the completion, or exceptionally with a {@link ServerError}, {@link ProtocolError} or
     * {@link RequestTimeout}. Keep what runs after it short: it holds up the other streams' events.
     */
    public CompletableFuture<Completion> stream(ChatRequest request) {
        return send(prepare(request));
    }

    /**
     * Makes {@code request}'s bytes now (the adapter, the JSON body, the headers), so that
     * {@link #send} only writes them: a scheduler prepares a request before it is due.
     */
    public Prepared prepare(ChatRequest request) {
        byte[] body = adapter.apply(request).toBody(model, true).toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = headers();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "text/event-stream");
        return new Prepared(new WireRequest("POST", URI.create(baseUrl + "/v1/chat/completions"), headers, body));
    }

    /** A request whose bytes are made, for {@link #send}; send it once. */
    public static final class Prepared {
        private final WireRequest request;

        private Prepared(WireRequest request) {
            this.request = request;
        }
    }

    /** Sends a prepared request streaming, as {@link #stream} does. */
    public CompletableFuture<Completion> send(Prepared prepared) {
        LiveStream stream = new LiveStream();
        live.add(stream);
        inFlight.incrementAndGet();
        CompletableFuture<Completion> outcome = stream.result.handle((completion, error) -> {
            live.remove(stream);
            inFlight.decrementAndGet();
            if (error == null) {
                return completion;
            }
            RuntimeException failure = translate(error, stream);
            if (failure instanceof ServerError || failure instanceof ProtocolError || failure instanceof RequestTimeout) {
                failures.accept(failure);
            }
            throw failure;
        });
        stream.stop = transport.send(prepared.request, stream);
        if (stream.result.isDone()) {
            stream.stop.run();
        }
        return outcome;
    }

    /**
     * Opens {@code n} new connections at once ({@code GET /v1/models} on each) and keeps them for
     * reuse, so that a load that starts with {@code n} streams measures requests, not handshakes.
     */
    public void openConnections(int n) {
        transport.openConnections(n, new WireRequest("GET", URI.create(baseUrl + "/v1/models"), headers(), new byte[0]),
                options.connectTimeout().plus(options.idleTimeout()));
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        apiKey.ifPresent(k -> headers.put("Authorization", "Bearer " + k.reveal()));
        return headers;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private RuntimeException translate(Throwable error, LiveStream stream) {
        Throwable t = unwrap(error);
        if (stream.timeout != null) {
            return stream.timeout;
        }
        if (t instanceof ServerError || t instanceof ProtocolError || t instanceof RequestTimeout) {
            return (RuntimeException) t;
        }
        if (t instanceof HttpTimeoutException) {
            return new RequestTimeout("no connection to " + baseUrl, options.connectTimeout(), t);
        }
        if (t instanceof IOException || t instanceof CancellationException) {
            return new ProtocolError("connection to " + baseUrl + " failed: " + t, t);
        }
        return new ProtocolError("stream from " + baseUrl + " failed: " + t, t);
    }

    /** Fails the streams that could not connect, stalled or ran out of time. */
    private void watch() {
        long now = System.nanoTime();
        for (LiveStream s : live) {
            if (s.sentNanos == 0 && now - s.startNanos > options.connectTimeout().toNanos()) {
                s.timeOut(new RequestTimeout("no connection to " + baseUrl, options.connectTimeout(), null));
            } else if (now - s.lastActivityNanos > options.idleTimeout().toNanos()) {
                s.timeOut(new RequestTimeout("stream stalled: no bytes from " + baseUrl, options.idleTimeout(), null));
            } else if (now - s.startNanos > options.requestTimeout().toNanos()) {
                s.timeOut(new RequestTimeout("request to " + baseUrl + " did not finish", options.requestTimeout(), null));
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        for (LiveStream s : live) {
            s.result.completeExceptionally(new ProtocolError("the client was closed while streaming from " + baseUrl));
            s.cancel();
        }
        transport.close();
    }

    /** One stream from send to end, as the transport reports it. */
    private final class LiveStream implements ExchangeListener {
        final long startNanos = System.nanoTime();
        final CompletableFuture<Completion> result = new CompletableFuture<>();
        volatile long sentNanos;
        volatile long lastActivityNanos = startNanos;
        volatile Runnable stop;
        volatile RequestTimeout timeout;
        private EventStreamParser events;
        private ByteArrayOutputStream otherBody;
        private int status;
        private String contentType;

        @Override
        public void sent(long nanos) {
            sentNanos = nanos;
            lastActivityNanos = nanos;
        }

        @Override
        public void headers(int status, Map<String, String> headers, long nanos) {
            lastActivityNanos = nanos;
            this.status = status;
            this.contentType = headers.getOrDefault("content-type", "");
            if (status >= 200 && status <= 299 && contentType.startsWith("text/event-stream")) {
                StreamAssembler assembler = new StreamAssembler(sentNanos != 0 ? sentNanos : nanos);
                assembler.firstByte(nanos);
                events = new EventStreamParser(assembler, baseUrl.toString(), result);
            } else {
                otherBody = new ByteArrayOutputStream();
            }
        }

        @Override
        public void body(ByteBuffer bytes, long nanos) {
            lastActivityNanos = nanos;
            if (events != null) {
                events.bytes(bytes, nanos);
                if (result.isDone()) {
                    cancel(); // an error event or a broken one: the rest is not read
                }
            } else if (otherBody != null && otherBody.size() < MAX_ERROR_BODY) {
                int n = Math.min(bytes.remaining(), MAX_ERROR_BODY - otherBody.size());
                byte[] chunk = new byte[n];
                bytes.get(chunk);
                otherBody.write(chunk, 0, n);
            }
        }

        @Override
        public void end(long nanos) {
            if (events != null) {
                events.end(nanos);
                return;
            }
            String text = otherBody == null ? "" : otherBody.toString(StandardCharsets.UTF_8);
            if (status < 200 || status > 299) {
                result.completeExceptionally(ErrorBody.serverError(status, "HTTP " + status, text));
            } else {
                result.completeExceptionally(new ProtocolError("expected an event stream (text/event-stream) but got '"
                        + contentType + "': " + StreamAssembler.abbreviate(text)));
            }
        }

        @Override
        public void failed(Throwable cause) {
            result.completeExceptionally(cause);
        }

        void timeOut(RequestTimeout t) {
            if (!result.isDone()) {
                timeout = t;
                result.completeExceptionally(t);
                cancel();
            }
        }

        void cancel() {
            Runnable s = stop;
            if (s != null) {
                s.run();
            }
        }
    }
}
