package dev.modelgate.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A vLLM-compatible server (JDK {@code HttpServer} on loopback) that behaves exactly as its
 * {@link SimScript} says: how fast, what it answers, and how it fails. Each request is received
 * (its arrival noted) by the server's own thread and served on a thread of its own, so any
 * number of streams run in parallel (unless the script sets {@code maxRunning}). Endpoints:
 * {@code /health}, {@code /version}, {@code /v1/models},
 * {@code /v1/chat/completions}, {@code /metrics}, and in the Ollama dialect also
 * {@code /api/version}, {@code /api/tags}, {@code /api/ps}, {@code /api/show}, {@code /api/pull},
 * {@code /api/generate}; and its own, for a client in another process: {@code /sim/streams?from=N},
 * {@code {"peakInFlight": …, "streams": […]}}: {@link #peakInFlight()} and the
 * {@link #streamTimings()} from the {@code N}th on.
 */
public final class VllmSimulator implements AutoCloseable {

    static {
        // The JDK server leaves Nagle's algorithm on; with the client's delayed ACKs a small event
        // could wait up to 40 ms behind the previous one. Must be set before the server class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimScript script;
    private final String host;
    private final int port;
    private final Runnable crashAction;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sim-request");
        t.setDaemon(true);
        return t;
    });
    private final ChatCompletions chat = new ChatCompletions(this);
    private final OllamaApi ollama;
    private final SimMetrics metrics = new SimMetrics();
    private final Semaphore slots;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicLong runningTokens = new AtomicLong();
    private final AtomicInteger generating = new AtomicInteger();
    private final List<Admission> admissions = Collections.synchronizedList(new ArrayList<>());
    private final List<String> prompts = Collections.synchronizedList(new ArrayList<>());
    private final List<StreamTiming> timings = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch bound = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile HttpServer server;
    private volatile boolean stopped;

    private VllmSimulator(SimScript script, String host, int port, Runnable crashAction) {
        this.script = script;
        this.host = host;
        this.port = port;
        this.crashAction = crashAction == null ? this::dropEverything : crashAction;
        this.slots = script.maxRunning() > 0 ? new Semaphore(script.maxRunning(), true) : null;
        this.ollama = new OllamaApi(this); // reads the script: after it is set
    }

    /**
     * Starts an in-process simulator on a free loopback port. With a {@code bootDelayMs} fault the
     * port is bound only after that delay (connections are refused until then); this method
     * returns at once either way. A crash fault drops every connection and closes the port.
     */
    public static VllmSimulator start(SimScript script) {
        VllmSimulator sim = new VllmSimulator(script, "127.0.0.1", freePort(), null);
        long delay = script.faults().bootDelayMs();
        if (delay <= 0) {
            sim.bind();
        } else {
            Thread binder = new Thread(() -> {
                try {
                    Thread.sleep(delay);
                    sim.bind();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sim-boot");
            binder.setDaemon(true);
            binder.start();
        }
        return sim;
    }

    /** Binds at once on {@code host:port} (process mode: the caller did the boot delay); {@code crash} ends the process. */
    static VllmSimulator serve(SimScript script, String host, int port, Runnable crash) {
        VllmSimulator sim = new VllmSimulator(script, host, port, crash);
        sim.bind();
        return sim;
    }

    private synchronized void bind() {
        if (stopped) {
            return;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 1024);
            // The server's own thread reads each request's line and headers and notes its receipt;
            // the request is then served on a thread of its own. Handing the exchange to a thread
            // before that would put a thread wake-up between the request's arrival and its receipt.
            s.setExecutor(Runnable::run);
            s.createContext("/", this::receive);
            s.start();
            server = s;
            bound.countDown();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the simulator to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://" + host + ":" + port);
    }

    public int port() {
        return port;
    }

    public SimScript script() {
        return script;
    }

    /** Chat completion requests received so far (each counts, whatever its outcome). */
    public int requestsServed() {
        return requests.get();
    }

    /** Chat completion requests being handled right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most chat completion requests that were handled at the same time. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    /** The start (up to 100 characters) of the first message of every chat request, in arrival order. */
    public List<String> promptStarts() {
        synchronized (prompts) {
            return List.copyOf(prompts);
        }
    }

    /**
     * When the simulator really wrote the first and the last output event of every completed
     * stream, against when it meant to: the simulator's own lateness, which a test of the client
     * can take out of its tolerance (on a busy machine a thread wakes late).
     */
    public List<StreamTiming> streamTimings() {
        synchronized (timings) {
            return List.copyOf(timings);
        }
    }

    /** {@code from=N} (default 0): what {@code /sim/streams} sends. */
    private JsonNode streamTimingsJson(String query) {
        int from = 0;
        if (query != null && query.startsWith("from=")) {
            from = Integer.parseInt(query.substring("from=".length()));
        }
        List<StreamTiming> all = streamTimings();
        ObjectNode out = Chunks.NODES.objectNode().put("peakInFlight", peakInFlight());
        out.set("streams", SimScript.JSON.valueToTree(all.subList(Math.min(from, all.size()), all.size())));
        return out;
    }

    void recordTiming(StreamTiming timing) {
        timings.add(timing);
    }

    void recordPrompt(String firstMessage) {
        prompts.add(Prompts.start(firstMessage));
    }

    /**
     * Holds every chat request that arrives from now on (after validation, before its clock
     * starts) until {@link #resume()}: a test can put many requests in flight and release them at
     * once, however slowly a busy machine sends them.
     */
    public void pause() {
        gate = new CountDownLatch(1);
    }

    /** Releases the requests held since {@link #pause()}; their timing starts now. */
    public void resume() {
        gate.countDown();
    }

    /** Waits until the port is bound (after a boot delay); false on timeout. */
    public boolean awaitBound(Duration timeout) throws InterruptedException {
        return bound.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void receive(HttpExchange exchange) {
        long receipt = System.nanoTime();
        try {
            executor.execute(() -> route(exchange, receipt));
        } catch (RejectedExecutionException e) {
            exchange.close(); // stopped
        }
    }

    private void route(HttpExchange exchange, long receipt) {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/v1/") && script.apiKey() != null
                    && !("Bearer " + script.apiKey()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                sendJson(exchange, 401, Chunks.NODES.objectNode().put("error", "Unauthorized"));
                return;
            }
            switch (path) {
                case "/health" -> {
                    exchange.sendResponseHeaders(script.faults().neverReady() ? 503 : 200, -1);
                }
                case "/version" -> sendJson(exchange, 200, Chunks.NODES.objectNode().put("version", script.version()));
                case "/v1/models" -> sendJson(exchange, 200, models());
                case "/v1/chat/completions" -> {
                    if (script.ollamaDialect() && !ollama.pulled()) {
                        // Ollama's answer for a model it does not have
                        sendJson(exchange, 404, Chunks.error("model \"" + script.servedName() + "\" not found, try"
                                + " pulling it first", "api_error", null, 404));
                    } else if (!"POST".equals(method)) {
                        sendJson(exchange, 405, Chunks.NODES.objectNode().put("detail", "Method Not Allowed"));
                    } else {
                        if (script.ollamaDialect()) {
                            ollama.used();
                        }
                        chat(exchange, receipt);
                    }
                }
                case "/sim/streams" -> sendJson(exchange, 200, streamTimingsJson(exchange.getRequestURI().getQuery()));
                case "/metrics" -> sendText(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.render(script.servedName(), kvCacheUsage()));
                default -> {
                    if (!(script.ollamaDialect() && ollama.handle(path, exchange))) {
                        sendJson(exchange, 404, Chunks.NODES.objectNode().put("detail", "Not Found"));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the simulator was stopped or crashed mid-response
        } finally {
            exchange.close();
        }
    }

    private void chat(HttpExchange exchange, long receipt) throws IOException {
        int number = requests.incrementAndGet();
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        try {
            chat.handle(exchange, receipt, number);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ObjectNode models() {
        ObjectNode list = Chunks.NODES.objectNode().put("object", "list");
        if (script.ollamaDialect() && !ollama.pulled()) {
            list.putArray("data");
            return list;
        }
        ObjectNode card = list.putArray("data").addObject();
        card.put("id", script.servedName());
        card.put("object", "model");
        card.put("created", System.currentTimeMillis() / 1000);
        card.put("owned_by", script.ollamaDialect() ? "library" : "vllm");
        if (!script.ollamaDialect()) {
            card.put("root", script.servedName());
            card.putNull("parent");
            card.put("max_model_len", script.maxModelLen());
        }
        return list;
    }

    /**
     * Waits for a free slot when the script limits running requests, and returns when the
     * request starts to be served (its TTFT counts from then, queueing aside).
     */
    long admit(long receipt) throws IOException {
        try {
            if (gate.getCount() > 0) {
                gate.await();
                receipt = System.nanoTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("simulator stopped", e);
        }
        if (slots == null) {
            metrics.running().incrementAndGet();
            return receipt;
        }
        metrics.waiting().incrementAndGet();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("simulator stopped", e);
        } finally {
            metrics.waiting().decrementAndGet();
        }
        metrics.running().incrementAndGet();
        return Math.max(receipt, System.nanoTime());
    }

    /**
     * Counts a request as being generated from {@code start} on and applies the script's
     * {@link SimScript.Capacity}: the generation it returns starts after the queueing delay.
     */
    Generation generate(long start, String firstMessage) {
        int n = generating.incrementAndGet();
        long delay = script.capacity().queueDelayNanos(n);
        admissions.add(new Admission(Prompts.start(firstMessage), n, delay));
        return new Generation(start + delay);
    }

    /**
     * Every chat request that was served, in the order its generation began: the start of its first
     * message (up to 100 characters), how many requests were being generated when it arrived
     * (itself included), and the queueing delay the capacity added.
     */
    public List<Admission> admissions() {
        synchronized (admissions) {
            return List.copyOf(admissions);
        }
    }

    /** One served request as {@link #admissions()} lists it. */
    public record Admission(String promptStart, int generating, long queueDelayNanos) {

        public double queueDelayMs() {
            return queueDelayNanos / 1e6;
        }
    }

    /** A request being generated; ends (idempotently) when its last output event is written, or when it fails. */
    final class Generation implements AutoCloseable {
        private final long startNanos;
        private boolean ended;

        private Generation(long startNanos) {
            this.startNanos = startNanos;
        }

        long startNanos() {
            return startNanos;
        }

        @Override
        public void close() {
            if (!ended) {
                ended = true;
                generating.decrementAndGet();
            }
        }
    }

    void release() {
        metrics.running().decrementAndGet();
        if (slots != null) {
            slots.release();
        }
    }

    private double kvCacheUsage() {
        return Math.min(1.0, metrics.running().get() * (double) script.outputTokens() / script.kvCacheTokens());
    }

    SimMetrics metrics() {
        return metrics;
    }

    /** The crash fault: ends the process (process mode) or drops every connection (in-process). */
    void crash() {
        crashAction.run();
    }

    /** The stall fault: keeps the handler (and its connection) until the simulator is closed. */
    void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dropEverything() {
        stopped = true;
        HttpServer s = server;
        if (s != null) {
            s.stop(0);
        }
    }

    void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        sendText(exchange, status, "application/json", body.toString());
    }

    static void sendText(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Stops the server: open connections are dropped, stalled streams released. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            stopped = true;
        }
        HttpServer s = server;
        if (s != null) {
            s.stop(0);
        }
        closed.countDown();
        gate.countDown();
        executor.shutdownNow();
    }
}
