package dev.modelgate.client;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's non-blocking HTTP client as a {@link StreamTransport}, for {@code https://} servers
 * (TLS), where {@link NioHttpTransport} does not go: one selector thread and a few reader threads
 * for every connection, HTTP/1.1. The JDK client runs the steps of an exchange on those threads,
 * so a request sent while they are busy waits for them; the load figures over https carry that
 * wait in their send lag. The request counts as sent when the client asks for the length of its
 * body, as it makes the request headers.
 */
final class JdkHttpTransport implements StreamTransport {

    private final ExecutorService readers;
    private final HttpClient http;

    JdkHttpTransport(Duration connectTimeout, int readers) {
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(readers, r -> {
            Thread t = new Thread(r, "modelgate-stream-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(this.readers)
                .build();
    }

    private static HttpRequest toJdk(WireRequest request, ExchangeListener listener) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri());
        request.headers().forEach(b::header);
        if (request.method().equals("GET")) {
            b.GET();
        } else {
            b.method(request.method(), new TimedBody(request.body(), listener));
        }
        return b.build();
    }

    @Override
    public Runnable send(WireRequest request, ExchangeListener listener) {
        BodyForwarder forwarder = new BodyForwarder(listener);
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(toJdk(request, listener), info -> {
            long now = System.nanoTime();
            Map<String, String> headers = new HashMap<>();
            info.headers().map().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            listener.headers(info.statusCode(), headers, now);
            return forwarder;
        });
        exchange.whenComplete((response, error) -> {
            if (error != null) {
                listener.failed(error);
            }
        });
        return () -> {
            forwarder.cancel();
            exchange.cancel(true);
        };
    }

    @Override
    public void openConnections(int n, WireRequest probe, Duration wait) {
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(http.sendAsync(toJdk(probe, null), HttpResponse.BodyHandlers.discarding()));
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (CompletableFuture<HttpResponse<Void>> call : calls) {
            try {
                call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // only a warm-up: the measured requests will report what is wrong
            }
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }

    /** Hands the body's buffers to the listener as the JDK client reads them. */
    private static final class BodyForwarder implements HttpResponse.BodySubscriber<Void> {
        private final ExchangeListener listener;
        private final CompletableFuture<Void> body = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        BodyForwarder(ExchangeListener listener) {
            this.listener = listener;
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public CompletionStage<Void> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            long now = System.nanoTime();
            for (ByteBuffer b : buffers) {
                listener.body(b, now);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            listener.end(System.nanoTime());
            body.complete(null);
        }
    }

    /** The request body; tells the listener the request is sent when the client first asks for its length or its bytes. */
    private static final class TimedBody implements HttpRequest.BodyPublisher {
        private final HttpRequest.BodyPublisher bytes;
        private final ExchangeListener listener;
        private final AtomicBoolean told = new AtomicBoolean();

        TimedBody(byte[] body, ExchangeListener listener) {
            this.bytes = HttpRequest.BodyPublishers.ofByteArray(body);
            this.listener = listener;
        }

        private void tell() {
            if (listener != null && told.compareAndSet(false, true)) {
                listener.sent(System.nanoTime());
            }
        }

        @Override
        public long contentLength() {
            tell();
            return bytes.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            tell();
            bytes.subscribe(subscriber);
        }
    }
}
