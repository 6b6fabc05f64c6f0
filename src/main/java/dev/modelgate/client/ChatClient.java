package dev.modelgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Secret;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An OpenAI-compatible chat client for one served model. Streams with
 * {@code stream_options.include_usage=true} and {@code continuous_usage_stats=true} (dropped for good
 * once a server refuses it), records when each event arrives, and turns error
 * bodies into {@link ServerError}s that quote the server. Requests run on the calling thread, so
 * concurrency is exactly the number of calling threads: nothing in the client caps it.
 * Thread-safe; close it to release connections.
 */
public final class ChatClient implements AutoCloseable {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long IDLE_KEEP_ALIVE_SECONDS = 4;

    private final URI baseUrl;
    private final String model;
    private final Optional<Secret> apiKey;
    private final ClientOptions options;
    private final UnaryOperator<ChatRequest> adapter;
    private final Consumer<RuntimeException> failures;
    private final OkHttpClient http;
    private final ScheduledExecutorService watchdog;
    private final boolean owner;
    private final ObjectNode fields;
    private final AtomicBoolean continuousUsage;

    public ChatClient(URI baseUrl, String model, Optional<Secret> apiKey, ClientOptions options) {
        this(baseUrl, model, apiKey, options, UnaryOperator.identity());
    }

    /**
     * @param adapter applied to every request before it is sent, e.g. to drop fields a server
     *                accepts but ignores, so that the request says what the server will do
     */
    public ChatClient(URI baseUrl, String model, Optional<Secret> apiKey, ClientOptions options,
                      UnaryOperator<ChatRequest> adapter) {
        this(baseUrl, model, apiKey, options, adapter, failure -> { });
    }

    /**
     * @param failures told of every {@link ServerError}, {@link ProtocolError} and
     *                 {@link RequestTimeout} before it is thrown, whoever catches it later (a quality
     *                 suite counts a case without an answer as not passed; the run still counts the
     *                 fault)
     */
    public ChatClient(URI baseUrl, String model, Optional<Secret> apiKey, ClientOptions options,
                      UnaryOperator<ChatRequest> adapter, Consumer<RuntimeException> failures) {
        this.adapter = adapter;
        this.failures = failures;
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        this.model = model;
        this.apiKey = apiKey;
        this.options = options;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(options.maxConcurrentStreams());
        dispatcher.setMaxRequestsPerHost(options.maxConcurrentStreams());
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                // vLLM (uvicorn) closes idle keep-alive connections after 5 s; retries are off, so a
                // pooled connection must be dropped before the server drops it, or the next request
                // on it fails as if the server had broken the protocol.
                .connectionPool(new ConnectionPool(options.maxConcurrentStreams(), IDLE_KEEP_ALIVE_SECONDS,
                        TimeUnit.SECONDS))
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.idleTimeout())
                .writeTimeout(options.idleTimeout())
                .retryOnConnectionFailure(false)
                .eventListenerFactory(call -> new TimingListener())
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "modelgate-request-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.owner = true;
        this.fields = JSON.createObjectNode();
        this.continuousUsage = new AtomicBoolean(true);
    }

    private ChatClient(ChatClient base, ObjectNode fields) {
        this.baseUrl = base.baseUrl;
        this.model = base.model;
        this.apiKey = base.apiKey;
        this.options = base.options;
        this.adapter = base.adapter;
        this.failures = base.failures;
        this.http = base.http;
        this.watchdog = base.watchdog;
        this.owner = false;
        this.fields = fields.deepCopy();
        this.continuousUsage = base.continuousUsage;
    }

    /**
     * A client for the same server and connections that merges {@code fields} into every request
     * (see {@link ChatRequest#withFields}), in place of the fields this client adds: e.g. the
     * {@code chat_template_kwargs} a candidate sets for its performance runs. Closing it closes nothing.
     */
    public ChatClient withFields(ObjectNode fields) {
        return new ChatClient(this, fields);
    }

    /** The fields this client merges into every request (empty: none). */
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    /**
     * Whether streams ask for the cumulative usage in every chunk; false once the server refused
     * {@code stream_options.continuous_usage_stats} (the request is then sent again without it).
     */
    public boolean asksContinuousUsage() {
        return continuousUsage.get();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * A {@link StreamDriver} for many streams at once to the same server, as this client would send
     * them: the same model, key, options, request fields and failure hook. The caller closes it.
     */
    public StreamDriver streamDriver() {
        ObjectNode merged = fields.deepCopy();
        return new StreamDriver(baseUrl, model, apiKey, options, r -> adapter.apply(r.copy().withFields(merged)),
                failures, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public String model() {
        return model;
    }

    /**
     * Sends {@code request} streaming and waits for the whole stream.
     *
     * @throws ServerError     on an HTTP error status or an error event
     * @throws ProtocolError   when the stream breaks the protocol
     * @throws RequestTimeout  when the stream stalls or the request takes too long
     */
    public Completion stream(ChatRequest request) {
        return toldOfFailure(() -> streamOnce(request));
    }

    /** Runs {@code call}; a server error, protocol error or timeout is told to the failure hook, then thrown. */
    private <T> T toldOfFailure(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServerError | ProtocolError | RequestTimeout e) {
            failures.accept(e);
            throw e;
        }
    }

    private Completion streamOnce(ChatRequest request) {
        boolean continuous = continuousUsage.get();
        try {
            return streamOnce(request, continuous);
        } catch (ServerError e) {
            if (continuous && refusesContinuousUsage(e) && continuousUsage.compareAndSet(true, false)) {
                return streamOnce(request, false);
            }
            throw e;
        }
    }

    /** A strict OpenAI-compatible server refuses the vLLM option with 400/422 naming it. */
    static boolean refusesContinuousUsage(ServerError e) {
        return (e.status() == 400 || e.status() == 422) && !e.midStream()
                && String.valueOf(e.serverMessage()).contains("continuous_usage_stats");
    }

    private ChatRequest prepared(ChatRequest request) {
        return adapter.apply(request.copy().withFields(fields));
    }

    private Completion streamOnce(ChatRequest request, boolean continuous) {
        String body = prepared(request).toBody(model, true, continuous).toString();
        Request httpRequest = newRequest("/v1/chat/completions")
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(body, JSON_TYPE))
                .tag(Timing.class, new Timing())
                .build();
        Call call = http.newCall(httpRequest);
        Timing timing = httpRequest.tag(Timing.class);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            timedOut.set(true);
            call.cancel();
        }, options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            long sent = timing.sentNanos != 0 ? timing.sentNanos : System.nanoTime();
            StreamAssembler assembler = new StreamAssembler(sent);
            assembler.firstByte(timing.firstByteNanos != 0 ? timing.firstByteNanos : System.nanoTime());
            if (!response.isSuccessful()) {
                throw errorOf(response);
            }
            return readStream(response, assembler);
        } catch (SocketTimeoutException e) {
            throw new RequestTimeout("stream stalled: no bytes from " + baseUrl, options.idleTimeout(), e);
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new RequestTimeout("request to " + baseUrl + " did not finish", options.requestTimeout(), e);
            }
            throw new ProtocolError("connection to " + baseUrl + " failed: " + e, e);
        } finally {
            deadline.cancel(false);
        }
    }

    private Completion readStream(Response response, StreamAssembler assembler) throws IOException {
        return EventStreamReader.read(response, assembler, baseUrl.toString());
    }

    /** Sends {@code request} without streaming and returns the JSON response. */
    public JsonNode complete(ChatRequest request) {
        String body = prepared(request).toBody(model, false).toString();
        return execute(newRequest("/v1/chat/completions").post(RequestBody.create(body, JSON_TYPE)).build());
    }

    /** {@code GET path} (e.g. {@code /v1/models}, {@code /version}) as JSON. */
    public JsonNode get(String path) {
        return execute(newRequest(path).get().build());
    }

    /**
     * {@code GET path} as text (e.g. Prometheus {@code /metrics}), or empty when the server answers
     * with an error status or cannot be reached: an optional endpoint, so its absence is not told to
     * the failure hook as a server fault.
     */
    public Optional<String> text(String path) {
        try (Response response = http.newCall(newRequest(path).get().build()).execute()) {
            return response.isSuccessful() ? Optional.of(response.body().string()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The {@code max_model_len} (vLLM) or {@code context_length} of the served model, if listed. */
    public OptionalInt servedContextLength() {
        for (JsonNode card : get("/v1/models").path("data")) {
            if (model.equals(card.path("id").asText())) {
                for (String field : List.of("max_model_len", "context_length", "context_window")) {
                    if (card.path(field).canConvertToInt() && card.path(field).asInt() > 0) {
                        return OptionalInt.of(card.path(field).asInt());
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    /** The ids the server lists in {@code /v1/models}. */
    public List<String> servedModels() {
        List<String> ids = new ArrayList<>();
        get("/v1/models").path("data").forEach(card -> ids.add(card.path("id").asText()));
        return ids;
    }

    private JsonNode execute(Request request) {
        return toldOfFailure(() -> executeOnce(request));
    }

    private JsonNode executeOnce(Request request) {
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw errorOf(response);
            }
            ResponseBody body = response.body();
            String text = body.string();
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (SocketTimeoutException e) {
            throw new RequestTimeout("no answer from " + request.url(), options.idleTimeout(), e);
        } catch (IOException e) {
            throw new ProtocolError("request to " + request.url() + " failed: " + e, e);
        }
    }

    private Request.Builder newRequest(String path) {
        Request.Builder b = new Request.Builder().url(baseUrl + path);
        apiKey.ifPresent(k -> b.header("Authorization", "Bearer " + k.reveal()));
        return b;
    }

    private static ServerError errorOf(Response response) {
        String text;
        try {
            text = response.body().string();
        } catch (IOException e) {
            text = "";
        }
        return ErrorBody.serverError(response.code(), response.message(), text);
    }

    @Override
    public void close() {
        if (!owner) {
            return;
        }
        watchdog.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Times of one call, filled in by {@link TimingListener}. */
    static final class Timing {
        volatile long sentNanos;
        volatile long firstByteNanos;
    }

    /** Takes the time just before the request bytes are written, and when the response starts. */
    private static final class TimingListener extends EventListener {
        @Override
        public void requestHeadersStart(Call call) {
            Timing t = call.request().tag(Timing.class);
            if (t != null) {
                t.sentNanos = System.nanoTime();
            }
        }

        @Override
        public void responseHeadersStart(Call call) {
            Timing t = call.request().tag(Timing.class);
            if (t != null) {
                t.firstByteNanos = System.nanoTime();
            }
        }
    }
}
