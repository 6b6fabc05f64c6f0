package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.Completion;
import dev.modelgate.client.ServerError;
import dev.modelgate.engine.registry.Engines;
import dev.modelgate.engine.RunningModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default model served by the {@code llamacpp} engine end to end: the child JVM is started
 * once for this class, measured with the project's {@link ChatClient}, and must be gone (checked
 * in the operating system's process table) once the model is closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlamaCppEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workDir;
    private RunningModel model;
    private ChatClient client;

    @BeforeAll
    void boot() {
        Candidate candidate = TinyModel.candidate();
        model = Engines.forType(candidate.engine().type())
                .start(candidate, TinyModel.context(workDir, Map.of(), Optional.empty()).engine());
        client = new ChatClient(model.baseUrl(), model.servedName(), Optional.empty(), ClientOptions.DEFAULTS);
    }

    @AfterAll
    void stop() {
        client.close();
        model.close();
        assertThat(TinyModel.processesMentioning(workDir.toString()))
                .as("processes left behind by the llamacpp engine").isEmpty();
    }

    @Test
    void reportsWhatItServes() {
        assertThat(model.engine()).isEqualTo("llamacpp");
        assertThat(model.servedName()).isEqualTo("stories-260k");
        assertThat(model.engineVersion()).hasValueSatisfying(v -> assertThat(v).matches(
                "llama\\.cpp b\\d+ \\([0-9a-f]+\\) via de\\.kherud:llama 4\\.2\\.0"));
        assertThat(model.details()).containsEntry("quantization", "F32").containsEntry("threads", "1")
                .containsEntry("contextSize", "2048").containsKeys("rssBeforeLoadBytes", "rssAfterLoadBytes", "pid");
        assertThat(model.details().get("chatTemplate")).contains("ChatML");
        assertThat(client.servedContextLength()).hasValue(2048);
        assertThat(client.get("/version").path("version").asText()).startsWith("llama.cpp b");
    }

    @Test
    void streamsTokensAsTheyAreGenerated() {
        int tokens = 300;
        Completion c = client.stream(story(tokens));

        assertThat(c.sawDone()).isTrue();
        assertThat(c.finishReason()).isEqualTo("length");
        assertThat(c.completionTokens()).hasValue(tokens);
        assertThat(c.usage().orElseThrow().promptTokens()).isGreaterThan(5);
        assertThat(c.content()).isNotBlank();
        // The first event is the role chunk: no output, so it does not count for TTFT.
        assertThat(c.events().get(0).bearsOutput()).isFalse();
        // Each token's text arrives as its own event; a token whose text is empty (it happens, rarely,
        // with this model) sends none, which is why decode speed counts tokens from usage, not events.
        assertThat(c.outputEvents()).isLessThanOrEqualTo(tokens).isGreaterThanOrEqualTo(tokens - 3);
        assertThat(c.ttftNanos()).isPresent();
        assertThat(c.decodeTokensPerSecond()).isPresent();
        // Flushed per event: the first token arrives long before the stream ends, not with it.
        assertThat(c.ttftNanos().getAsLong()).isLessThan(c.e2eNanos() / 2);
    }

    @Test
    void speaksVllmsStreamFormatInOrder() throws Exception {
        ObjectNode body = story(8).toBody(model.servedName(), true);
        List<String> data = new ArrayList<>();
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(model.baseUrl() + "/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        response.body().filter(l -> l.startsWith("data: ")).forEach(l -> data.add(l.substring(6)));

        assertThat(data).hasSize(1 + 8 + 1 + 1 + 1);
        JsonNode role = JSON.readTree(data.get(0));
        assertThat(role.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(role.at("/choices/0/delta").toString()).isEqualTo("{\"role\":\"assistant\",\"content\":\"\"}");
        for (String content : data.subList(1, 9)) {
            JsonNode chunk = JSON.readTree(content);
            assertThat(chunk.at("/choices/0/delta/content").asText()).isNotEmpty();
            assertThat(chunk.at("/choices/0/finish_reason").isNull()).isTrue();
        }
        assertThat(JSON.readTree(data.get(9)).at("/choices/0/finish_reason").asText()).isEqualTo("length");
        JsonNode usage = JSON.readTree(data.get(10));
        assertThat(usage.path("choices").isArray() && usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(8);
        assertThat(usage.at("/usage/total_tokens").asInt())
                .isEqualTo(8 + usage.at("/usage/prompt_tokens").asInt());
        // the prompt as llama.cpp counted it (with its beginning-of-sequence token), not a re-count
        assertThat(Files.readString(workDir.resolve("llamacpp-native.log")))
                .contains("n_prompt_tokens = " + usage.at("/usage/prompt_tokens").asInt() + "\n");
        assertThat(data.get(11)).isEqualTo("[DONE]");
    }

    @Test
    void countsGeneratedTokensNotTextPieces() {
        // Forced by a schema to write CJK characters this 512-token vocabulary only has as bytes:
        // three tokens per character, handed out as one piece once the character is complete.
        ObjectNode format = jsonSchema(JSON.createObjectNode().put("type", "string")
                .set("enum", JSON.createArrayNode().add("日本日本日本")));
        Completion c = client.stream(ChatRequest.user("Say Japan").responseFormat(format).maxTokens(60));

        assertThat(c.content()).contains("日本日本日本");
        assertThat(c.outputEvents()).isLessThanOrEqualTo(12);
        // quote + 18 byte tokens + quote, then whitespace and the end-of-sequence token
        assertThat(c.completionTokens().getAsLong()).isGreaterThanOrEqualTo(20).isLessThanOrEqualTo(60);
        assertThat(c.finishReason()).isEqualTo("stop");
    }

    @Test
    void constrainsOutputToAJsonSchema() throws Exception {
        ObjectNode schema = (ObjectNode) JSON.readTree("{\"type\":\"object\",\"properties\":{"
                + "\"name\":{\"type\":\"string\",\"maxLength\":12},\"age\":{\"type\":\"integer\",\"minimum\":0,"
                + "\"maximum\":120},\"happy\":{\"type\":\"boolean\"}},\"required\":[\"name\",\"age\",\"happy\"],"
                + "\"additionalProperties\":false}");
        JsonNode response = client.complete(ChatRequest.user("Describe Lily as JSON").responseFormat(jsonSchema(schema))
                .maxTokens(200));

        JsonNode answer = JSON.readTree(response.at("/choices/0/message/content").asText());
        assertThat(answer.path("name").isTextual()).isTrue();
        assertThat(answer.path("age").isInt()).isTrue();
        assertThat(answer.path("age").asInt()).isBetween(0, 120);
        assertThat(answer.path("happy").isBoolean()).isTrue();
        assertThat(response.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(response.at("/usage/completion_tokens").asInt()).isPositive();
    }

    @Test
    void refusesWhatTheModelCannotDoWithA400() {
        assertThatThrownBy(() -> client.stream(ChatRequest.user("x").maxTokens(5000)))
                .isInstanceOfSatisfying(ServerError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.serverMessage()).contains("maximum context length is 2048 tokens");
                });
        ArrayNode parts = JSON.createArrayNode();
        parts.addObject().put("type", "text").put("text", "What is this?");
        parts.addObject().put("type", "image_url").putObject("image_url").put("url", "data:image/png;base64,AAAA");
        assertThatThrownBy(() -> client.stream(ChatRequest.create().message(JSON.createObjectNode().put("role", "user")
                .set("content", parts)).maxTokens(5)))
                .isInstanceOfSatisfying(ServerError.class, e -> assertThat(e.serverMessage()).contains("text only"));
        assertThatThrownBy(() -> client.stream(withTool(ChatRequest.user("Weather in Paris?"))
                .toolChoice(JSON.getNodeFactory().textNode("required")).maxTokens(5)))
                .isInstanceOfSatisfying(ServerError.class, e -> assertThat(e.serverMessage()).contains("no tool calling"));
        assertThatThrownBy(() -> client.stream(ChatRequest.user("x").responseFormat(jsonSchema(
                JSON.createObjectNode().put("type", "nonsense"))).maxTokens(5)))
                .isInstanceOfSatisfying(ServerError.class, e -> assertThat(e.serverMessage()).contains("Unrecognized schema"));
        assertThat(model.alive()).as("a refused request leaves the server up").isTrue();
    }

    @Test
    void answersInTextWhenToolsAreOffered() {
        Completion c = client.stream(withTool(ChatRequest.user("Weather in Paris?")).maxTokens(20));

        assertThat(c.toolCalls()).isEmpty();
        assertThat(c.content()).isNotBlank();
        assertThat(c.completionTokens()).isPresent();
    }

    @Test
    void servesConcurrentRequestsWithTheirOwnCounts() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Completion>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int tokens = 20 + 10 * i;
                futures.add(pool.submit(() -> client.stream(story(tokens))));
            }
            for (int i = 0; i < 4; i++) {
                Completion c = futures.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(c.completionTokens()).hasValue(20 + 10 * i);
                assertThat(c.outputEvents()).isEqualTo(20 + 10 * i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void endsAtAStopString() {
        Completion c = client.stream(story(400).set("stop", JSON.createArrayNode().add(".")));

        assertThat(c.finishReason()).isEqualTo("stop");
        assertThat(c.content()).doesNotContain(".");
        assertThat(c.completionTokens().getAsLong()).isLessThan(400);
    }

    private static ChatRequest story(int tokens) {
        return ChatRequest.user("Once upon a time").maxTokens(tokens).set("ignore_eos", true);
    }

    private static ChatRequest withTool(ChatRequest request) {
        ArrayNode tools = JSON.createArrayNode();
        ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
        fn.put("name", "get_weather");
        fn.putObject("parameters").put("type", "object").putObject("properties").putObject("city").put("type", "string");
        return request.tools(tools);
    }

    private static ObjectNode jsonSchema(JsonNode schema) {
        ObjectNode format = JSON.createObjectNode().put("type", "json_schema");
        format.putObject("json_schema").put("name", "answer").put("strict", true).set("schema", schema);
        return format;
    }
}
