package dev.modelgate.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.sim.SimScript.Faults;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simulator's endpoints other than chat streaming, its faults at boot, and its capacity. */
class SimulatorEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> get(VllmSimulator sim, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(sim.baseUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(VllmSimulator sim, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(sim.baseUrl().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthVersionAndModelsAnswerAsVllmDoes() throws Exception {
        try (VllmSimulator sim = VllmSimulator.start(SimScript.defaults().withMaxModelLen(32768))) {
            HttpResponse<String> health = get(sim, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEmpty();
            assertThat(JSON.readTree(get(sim, "/version").body()).path("version").asText()).isEqualTo("0.12.0-sim");
            JsonNode card = JSON.readTree(get(sim, "/v1/models").body()).path("data").get(0);
            assertThat(card.path("id").asText()).isEqualTo("sim-model");
            assertThat(card.path("object").asText()).isEqualTo("model");
            assertThat(card.path("owned_by").asText()).isEqualTo("vllm");
            assertThat(card.path("max_model_len").asInt()).isEqualTo(32768);
            assertThat(get(sim, "/nothing-here").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void simStreamsReportsEachCompletedStreamForAClientInAnotherProcess() throws Exception {
        try (VllmSimulator sim = VllmSimulator.start(SimScript.defaults().withTtftMs(30).withInterTokenMs(1)
                .withOutputTokens(3));
             ChatClient client = new ChatClient(sim.baseUrl(), "sim-model", Optional.empty(), ClientOptions.DEFAULTS)) {
            client.stream(ChatRequest.user("one"));
            client.stream(ChatRequest.user("two"));
            JsonNode all = JSON.readTree(get(sim, "/sim/streams").body());
            assertThat(all.path("peakInFlight").asInt()).isEqualTo(1);
            assertThat(all.path("streams")).hasSize(2);
            JsonNode later = JSON.readTree(get(sim, "/sim/streams?from=1").body()).path("streams");
            assertThat(later).hasSize(1);
            StreamTiming truth = sim.streamTimings().get(1);
            StreamTiming read = JSON.treeToValue(later.get(0), StreamTiming.class);
            assertThat(read).isEqualTo(truth);
            assertThat(read.promptStart()).isEqualTo("two");
            assertThat(read.arrivedNanos()).isLessThanOrEqualTo(read.receiptNanos());
            assertThat(read.firstDueNanos() - read.receiptNanos()).isEqualTo(30_000_000L);
            assertThat(JSON.readTree(get(sim, "/sim/streams?from=5").body()).path("streams")).isEmpty();
        }
    }

    @Test
    void metricsCountWhatWasServed() throws Exception {
        try (VllmSimulator sim = VllmSimulator.start(SimScript.defaults().withInterTokenMs(1).withOutputTokens(7));
             ChatClient client = new ChatClient(sim.baseUrl(), "sim-model", Optional.empty(), ClientOptions.DEFAULTS)) {
            client.stream(ChatRequest.user("one"));
            client.stream(ChatRequest.user("two").maxTokens(5));

            String text = get(sim, "/metrics").body();

            assertThat(value(text, "vllm:generation_tokens_total")).isEqualTo(12);
            assertThat(value(text, "vllm:prompt_tokens_total")).isEqualTo(2);
            assertThat(value(text, "vllm:time_to_first_token_seconds_count")).isEqualTo(2);
            assertThat(value(text, "vllm:inter_token_latency_seconds_count")).as("one per token after the first")
                    .isEqualTo(10);
            assertThat(value(text, "vllm:e2e_request_latency_seconds_count")).isEqualTo(2);
            assertThat(value(text, "vllm:num_requests_running")).isZero();
            assertThat(value(text, "vllm:num_requests_waiting")).isZero();
            assertThat(text).contains("# TYPE vllm:time_to_first_token_seconds histogram", "vllm:kv_cache_usage_perc{");
            assertThat(sim.requestsServed()).isEqualTo(2);
        }
    }

    private static double value(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*\\} (\\S+)$").matcher(metrics);
        assertThat(m.find()).as(name + " in\n" + metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void ollamaDialectAnswersOllamasOwnEndpoints() throws Exception {
        SimScript script = SimScript.defaults().withDialect("ollama").withServedName("gemma3:4b");
        try (VllmSimulator sim = VllmSimulator.start(script)) {
            assertThat(JSON.readTree(get(sim, "/api/version").body()).has("version")).isTrue();
            assertThat(JSON.readTree(get(sim, "/api/tags").body()).at("/models/0/name").asText()).isEqualTo("gemma3:4b");
            JsonNode ps = JSON.readTree(get(sim, "/api/ps").body()).at("/models/0");
            assertThat(ps.path("size_vram").asLong()).isEqualTo(script.ollama().sizeVramBytes());
            assertThat(ps.path("size").asLong()).isEqualTo(script.ollama().sizeBytes());
            assertThat(ps.path("context_length").asInt()).isEqualTo(script.maxModelLen());
            JsonNode show = JSON.readTree(post(sim, "/api/show", "{\"model\": \"gemma3:4b\"}").body());
            assertThat(show.path("capabilities")).extracting(JsonNode::asText).contains("completion", "tools");
            assertThat(show.at("/model_info/gemma3.context_length").asInt()).isEqualTo(script.maxModelLen());
            String[] pull = post(sim, "/api/pull", "{\"model\": \"gemma3:4b\"}").body().split("\n");
            assertThat(JSON.readTree(pull[0]).path("status").asText()).isEqualTo("pulling manifest");
            assertThat(JSON.readTree(pull[pull.length - 1]).path("status").asText()).isEqualTo("success");
        }
    }

    @Test
    void aServerThatNeverGetsReadyAnswers503() throws Exception {
        try (VllmSimulator sim = VllmSimulator.start(SimScript.defaults().withFaults(Faults.neverReadyServer()))) {
            assertThat(get(sim, "/health").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void aSlowBootRefusesConnectionsUntilThePortIsBound() throws Exception {
        try (VllmSimulator sim = VllmSimulator.start(SimScript.defaults().withFaults(Faults.bootDelay(700)))) {
            long start = System.nanoTime();
            assertThat(refused(sim)).as("port not bound yet").isTrue();
            assertThat(sim.awaitBound(Duration.ofSeconds(5))).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(500);
            assertThat(get(sim, "/health").statusCode()).isEqualTo(200);
        }
    }

    private boolean refused(VllmSimulator sim) throws Exception {
        try {
            get(sim, "/health");
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return e.getCause() instanceof ConnectException;
        }
    }

    @Test
    void threeHundredStreamsAreServedAtOnce() throws Exception {
        int streams = 300;
        SimScript script = SimScript.defaults().withTtftMs(200).withInterTokenMs(10).withOutputTokens(5);
        try (VllmSimulator sim = VllmSimulator.start(script);
             ChatClient client = new ChatClient(sim.baseUrl(), "sim-model", Optional.empty(), ClientOptions.DEFAULTS)) {
            // A busy two-core machine may take seconds to start 300 threads: hold the requests at the
            // server until all are in, then let them run together.
            sim.pause();
            AtomicInteger done = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                String text = "stream " + i;
                Thread t = new Thread(() -> {
                    if (client.stream(ChatRequest.user(text)).completionTokens().orElse(0) == 5) {
                        done.incrementAndGet();
                    }
                });
                t.start();
                threads.add(t);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sim.inFlight() < streams && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            sim.resume();
            for (Thread t : threads) {
                t.join(30_000);
            }
            assertThat(done.get()).isEqualTo(streams);
            assertThat(sim.peakInFlight()).isEqualTo(streams);
            // The client has read [DONE]; the server's handlers finish their bookkeeping right after.
            long settled = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sim.inFlight() > 0 && System.nanoTime() < settled) {
                Thread.sleep(10);
            }
            assertThat(sim.inFlight()).isZero();
        }
    }
}
