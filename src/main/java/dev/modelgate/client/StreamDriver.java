package dev.modelgate.client;

import dev.modelgate.catalog.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Streams chat completions without a thread per stream, for load: {@link #stream} returns at once
 * and its future completes when {@code [DONE]} arrives. Built on the JDK's non-blocking HTTP
 * client (one selector thread for every connection, HTTP/1.1, one connection per stream in
 * flight, no cap on connections); events are parsed and time-stamped on the few reader threads
 * that take the bytes off the sockets ({@code readers}, by default one per core). Requests, their
 * body and the figures of the {@link Completion} are those of {@link ChatClient}, which stays the
 * client for sequential use; this one is for many streams at once.
 *
 * <p>Times: sent is taken when the HTTP client asks for the length of the request body, which it
 * does as it writes the request headers (as {@link ChatClient} takes it at OkHttp's start of the
 * request headers), first byte when the response headers have been parsed, each event when
 * its line is handed over. Timeouts as {@link ClientOptions} say, checked every 100 ms by one
 * watchdog thread: no bytes for {@code idleTimeout}, or the whole request over
 * {@code requestTimeout}, fails the stream with {@link RequestTimeout}. Thread-safe.
 */
public final class StreamDriver implements AutoCloseable {

    private static final long WATCH_PERIOD_MS = 100;

    private final URI baseUrl;
    private final String model;
    private final Optional<Secret> apiKey;
    private final ClientOptions options;
    private final UnaryOperator<ChatRequest> adapter;
    private final Consumer<RuntimeException> failures;
    private final ExecutorService readers;
    private final HttpClient http;
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
     * @param readers  threads that parse and time-stamp events, shared by all streams
     */
    public StreamDriver(URI baseUrl, String model, Optional<Secret> apiKey, ClientOptions options,
                        UnaryOperator<ChatRequest> adapter, Consumer<RuntimeException> failures, int readers) {
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        this.model = model;
        this.apiKey = apiKey;
        this.options = options;
        this.adapter = adapter;
        this.failures = failures;
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(readers, r -> {
            Thread t = new Thread(r, "modelgate-stream-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .executor(this.readers)
                .build();
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
     * Sends {@code request} streaming; returns at once. The future completes on a reader thread
     * with the completion, or exceptionally with a {@link ServerError}, {@link ProtocolError} or
     * {@link RequestTimeout}. Keep what runs after it short: it holds up the other streams' events.
     */
    public CompletableFuture<Completion> stream(ChatRequest request) {
        String body = adapter.apply(request).toBody(model, true).toString();
        LiveStream stream = new LiveStream();
        HttpRequest httpRequest = newRequest("/v1/chat/completions")
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(new TimedBody(body.getBytes(StandardCharsets.UTF_8), stream.sent))
                .build();
        live.add(stream);
        inFlight.incrementAndGet();
        stream.exchange = http.sendAsync(httpRequest, stream::subscriberFor);
        stream.exchange.whenComplete((response, error) -> {
            if (error != null) {
                stream.result.completeExceptionally(error);
            }
        });
        return stream.result.handle((completion, error) -> {
            live.remove(stream);
            inFlight.decrementAndGet();
            if (error == null) {
                return completion;
            }
            RuntimeException failure = translate(unwrap(error), stream);
            if (failure instanceof ServerError || failure instanceof ProtocolError || failure instanceof RequestTimeout) {
                failures.accept(failure);
            }
            throw failure;
        });
    }

    /**
     * Opens {@code n} connections at once ({@code GET /v1/models} on each) and keeps them in the
     * pool, so that a load that starts with {@code n} streams measures requests, not handshakes.
     */
    public void openConnections(int n) {
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(http.sendAsync(newRequest("/v1/models").GET().build(), HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> call : calls) {
            try {
                call.get(options.connectTimeout().toMillis() + options.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // only a warm-up: the measured requests will report what is wrong
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private HttpRequest.Builder newRequest(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path));
        apiKey.ifPresent(k -> b.header("Authorization", "Bearer " + k.reveal()));
        return b;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private RuntimeException translate(Throwable t, LiveStream stream) {
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

    /** Fails the streams that stalled or ran out of time. */
    private void watch() {
        long now = System.nanoTime();
        for (LiveStream s : live) {
            long activity = s.reader == null ? s.startNanos : s.reader.lastActivityNanos();
            if (now - activity > options.idleTimeout().toNanos()) {
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
        readers.shutdownNow();
    }

    /** One stream from send to end. */
    private final class LiveStream {
        final long startNanos = System.nanoTime();
        final AtomicLong sent = new AtomicLong();
        final CompletableFuture<Completion> result = new CompletableFuture<>();
        volatile CompletableFuture<HttpResponse<Void>> exchange;
        volatile EventStreamSubscriber reader;
        volatile RequestTimeout timeout;

        HttpResponse.BodySubscriber<Void> subscriberFor(HttpResponse.ResponseInfo info) {
            long firstByte = System.nanoTime();
            long sentNanos = sent.get() != 0 ? sent.get() : firstByte;
            String contentType = info.headers().firstValue("Content-Type").orElse("");
            if (info.statusCode() < 200 || info.statusCode() > 299) {
                return collect(text -> ErrorBody.serverError(info.statusCode(), "HTTP " + info.statusCode(), text));
            }
            if (!contentType.startsWith("text/event-stream")) {
                return collect(text -> new ProtocolError("expected an event stream (text/event-stream) but got '"
                        + contentType + "': " + StreamAssembler.abbreviate(text)));
            }
            StreamAssembler assembler = new StreamAssembler(sentNanos);
            assembler.firstByte(firstByte);
            EventStreamSubscriber lines = new EventStreamSubscriber(assembler, baseUrl.toString(), result);
            reader = lines;
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines, s -> null, StandardCharsets.UTF_8, null);
        }

        private HttpResponse.BodySubscriber<Void> collect(java.util.function.Function<String, RuntimeException> error) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                    text -> {
                        result.completeExceptionally(error.apply(text));
                        return null;
                    });
        }

        void timeOut(RequestTimeout t) {
            if (!result.isDone()) {
                timeout = t;
                result.completeExceptionally(t);
                cancel();
            }
        }

        void cancel() {
            EventStreamSubscriber r = reader;
            if (r != null) {
                r.cancel();
            }
            CompletableFuture<HttpResponse<Void>> e = exchange;
            if (e != null) {
                e.cancel(true);
            }
        }
    }

    /**
     * The request body; notes the time when the HTTP client first asks for its length, as it makes
     * the request headers, or else for the body itself (just after the headers). The first is never
     * after the server could have seen the request.
     */
    private static final class TimedBody implements HttpRequest.BodyPublisher {
        private final HttpRequest.BodyPublisher bytes;
        private final AtomicLong sent;

        TimedBody(byte[] body, AtomicLong sent) {
            this.bytes = HttpRequest.BodyPublishers.ofByteArray(body);
            this.sent = sent;
        }

        @Override
        public long contentLength() {
            sent.compareAndSet(0, System.nanoTime());
            return bytes.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            sent.compareAndSet(0, System.nanoTime());
            bytes.subscribe(subscriber);
        }
    }
}
