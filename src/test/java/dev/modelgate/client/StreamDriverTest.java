package dev.modelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.catalog.Secret;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.SimScript.Faults;
import dev.modelgate.sim.StreamTiming;
import dev.modelgate.sim.VllmSimulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link StreamDriver} against the simulator over loopback: the same completions as {@link ChatClient}, many at once. */
class StreamDriverTest {

    private VllmSimulator sim;
    private StreamDriver driver;

    private StreamDriver connect(SimScript script, ClientOptions options) {
        sim = VllmSimulator.start(script);
        driver = new StreamDriver(sim.baseUrl(), script.servedName(),
                Optional.ofNullable(script.apiKey()).map(Secret::new), options, UnaryOperator.identity(), f -> { },
                transport(sim.baseUrl(), options));
        return driver;
    }

    /** The transport under test: for an http server, the driver's own. */
    StreamTransport transport(URI baseUrl, ClientOptions options) {
        return new NioHttpTransport(baseUrl, "modelgate-stream-selector");
    }

    /** Threads the transport may start once streams begin (the JDK client starts its readers on demand). */
    int threadsStartedByStreams() {
        return 0;
    }

    private StreamDriver connect(SimScript script) {
        return connect(script, ClientOptions.DEFAULTS);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static Completion await(CompletableFuture<Completion> f) throws Exception {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void aStreamReadsLikeTheBlockingClient() throws Exception {
        SimScript script = SimScript.defaults().withTtftMs(60).withInterTokenMs(5).withOutputTokens(8).withApiKey("k-1");
        Completion c = await(connect(script).stream(ChatRequest.user("hello").maxTokens(50)));

        assertThat(c.sawDone()).isTrue();
        assertThat(c.events().get(0).bearsOutput()).as("the role chunk carries no output").isFalse();
        assertThat(c.completionTokens()).hasValue(8);
        assertThat(c.outputEvents()).isEqualTo(8);
        StreamTiming truth = sim.streamTimings().get(0);
        assertThat(c.firstOutput().orElseThrow().arrivalNanos()).as("never read before the simulator wrote it")
                .isGreaterThanOrEqualTo(truth.firstWrittenNanos());
        assertThat(c.sentNanos()).as("sent before the simulator received it").isLessThanOrEqualTo(truth.receiptNanos());
        assertThat(c.ttftNanos().getAsLong() / 1e6).isGreaterThanOrEqualTo(60.0);
        assertThat(c.lastOutput().orElseThrow().arrivalNanos()).as("the last token neither")
                .isGreaterThanOrEqualTo(truth.lastWrittenNanos());
        assertThat(c.content()).isNotEmpty();
        assertThat(driver.inFlight()).isZero();
    }

    @Test
    void manyStreamsAreOnTheWireAtOnceWithFewThreads() throws Exception {
        SimScript script = SimScript.defaults().withTtftMs(20).withInterTokenMs(10).withOutputTokens(10);
        connect(script);
        int clientThreadsBefore = clientThreads();
        sim.pause(); // every request is held until all 64 are in, however slowly this busy machine sends them
        List<CompletableFuture<Completion>> streams = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            streams.add(driver.stream(ChatRequest.user("stream " + i).maxTokens(10)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sim.inFlight() < 64 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int clientThreadsWhileStreaming = clientThreads();
        sim.resume();
        for (CompletableFuture<Completion> s : streams) {
            assertThat(await(s).completionTokens()).hasValue(10);
        }
        assertThat(sim.peakInFlight()).as("all 64 served at once").isEqualTo(64);
        assertThat(clientThreadsWhileStreaming - clientThreadsBefore)
                .as("64 streams add no thread per stream").isLessThanOrEqualTo(threadsStartedByStreams());
    }

    private static int clientThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("modelgate-stream") || t.getName().startsWith("HttpClient")).count();
    }

    @Test
    void anHttpErrorQuotesTheServer() {
        SimScript script = SimScript.defaults().withFaults(Faults.http500At(1));
        assertThatThrownBy(() -> await(connect(script).stream(ChatRequest.user("x"))))
                .isInstanceOf(ServerError.class).hasMessageContaining("simulated engine failure at request 1");
    }

    @Test
    void anErrorEventEndsTheStream() {
        SimScript script = SimScript.defaults().withFaults(Faults.midStreamErrorAt(1));
        assertThatThrownBy(() -> await(connect(script).stream(ChatRequest.user("x"))))
                .isInstanceOf(ServerError.class).hasMessageContaining("mid-stream");
    }

    @Test
    void aStalledStreamTimesOut() {
        SimScript script = SimScript.defaults().withFaults(Faults.stallAt(1));
        ClientOptions options = ClientOptions.DEFAULTS.withTimeouts(Duration.ofMillis(400), Duration.ofSeconds(30));
        assertThatThrownBy(() -> await(connect(script, options).stream(ChatRequest.user("x"))))
                .isInstanceOf(RequestTimeout.class).hasMessageContaining("stalled");
        assertThat(driver.inFlight()).isZero();
    }

    @Test
    void aMalformedEventIsAProtocolError() {
        SimScript script = SimScript.defaults().withFaults(Faults.malformedEventAt(1));
        assertThatThrownBy(() -> await(connect(script).stream(ChatRequest.user("x"))))
                .isInstanceOf(ProtocolError.class).hasMessageContaining("malformed");
    }

    @Test
    void aRefusedConnectionIsAProtocolError() {
        SimScript script = SimScript.defaults();
        connect(script);
        sim.close();
        CompletableFuture<Completion> f = driver.stream(ChatRequest.user("x"));
        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ProtocolError.class);
    }

    @Test
    void aConnectionThatNeverCompletesTimesOut() throws Exception {
        // a server that never accepts, its accept queue full: the kernel drops further handshakes
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<SocketChannel> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    SocketChannel c = SocketChannel.open();
                    c.configureBlocking(false);
                    c.connect(full.getLocalSocketAddress());
                    fillers.add(c);
                }
                URI base = URI.create("http://127.0.0.1:" + full.getLocalPort());
                ClientOptions options = new ClientOptions(Duration.ofMillis(300), Duration.ofSeconds(30),
                        Duration.ofSeconds(60), 16);
                driver = new StreamDriver(base, "m", Optional.empty(), options, UnaryOperator.identity(), f -> { },
                        transport(base, options));
                assertThatThrownBy(() -> await(driver.stream(ChatRequest.user("x"))))
                        .isInstanceOf(RequestTimeout.class).hasMessageContaining("no connection to " + base);
                assertThat(driver.inFlight()).isZero();
            } finally {
                for (SocketChannel c : fillers) {
                    c.close();
                }
            }
        }
    }
}
