package dev.modelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.SimScript.Answer;
import dev.modelgate.sim.SimScript.Faults;
import dev.modelgate.sim.SimScript.ScriptedCall;
import dev.modelgate.testing.SimulatedChat;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ChatClient} against the simulator over real loopback HTTP: what vLLM sends, and how it fails. */
class ChatClientAgainstSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScriptedCall WEATHER = ScriptedCall.of("get_weather", "{\"city\": \"Bengaluru\", \"unit\": \"c\"}");
    private static final ScriptedCall TIME = ScriptedCall.of("get_time", "{\"zone\": \"Asia/Kolkata\"}");

    @RegisterExtension
    final SimulatedChat chat = new SimulatedChat();

    private ChatClient connect(SimScript script) {
        return chat.start(script);
    }

    private ChatClient connect(SimScript script, Function<ClientOptions, ClientOptions> options) {
        return chat.start(script, options.apply(ClientOptions.DEFAULTS));
    }

    @Test
    void theRoleChunkIsNotOutputAndUsageComesFromTheUsageChunk() {
        Completion c = connect(SimScript.defaults().withTtftMs(100).withInterTokenMs(5).withOutputTokens(8))
                .stream(ChatRequest.user("hello").maxTokens(50));

        StreamEvent role = c.events().get(0);
        assertThat(role.bearsOutput()).as("the empty role chunk carries no output").isFalse();
        assertThat(c.firstOutput().orElseThrow().arrivalNanos() - role.arrivalNanos())
                .as("the role chunk comes at receipt, long before the first token").isGreaterThan(50_000_000L);
        assertThat(c.ttftNanos().getAsLong() / 1e6).as("TTFT in ms reads the first token").isBetween(99.0, 150.0);
        assertThat(c.outputEvents()).isEqualTo(8);
        assertThat(c.completionTokens()).hasValue(8);
        assertThat(c.events().get(c.events().size() - 1).usageOnly()).isTrue();
        assertThat(c.finishReason()).isEqualTo("stop");
        assertThat(c.sawDone()).isTrue();
        assertThat(c.content()).startsWith(" The quick brown fox");
        assertThat(c.usage().orElseThrow().promptTokens()).isPositive();
    }

    @Test
    void severalTokensPerEventAreCountedFromUsageNotFromEvents() {
        Completion c = connect(SimScript.defaults().withInterTokenMs(2).withTokensPerEvent(4).withOutputTokens(13))
                .stream(ChatRequest.user("count"));

        assertThat(c.outputEvents()).as("first token alone, then 12 tokens four to an event").isEqualTo(4);
        assertThat(c.completionTokens()).hasValue(13);
    }

    @Test
    void maxTokensCutsTheAnswerWithFinishReasonLength() {
        Completion c = connect(SimScript.defaults().withInterTokenMs(1).withOutputTokens(40))
                .stream(ChatRequest.user("long answer").maxTokens(10));

        assertThat(c.completionTokens()).hasValue(10);
        assertThat(c.finishReason()).isEqualTo("length");
    }

    @Test
    void ignoreEosRunsToMaxTokens() {
        Completion c = connect(SimScript.defaults().withInterTokenMs(1).withOutputTokens(4))
                .stream(ChatRequest.user("x").maxTokens(24).set("ignore_eos", true));

        assertThat(c.completionTokens()).hasValue(24);
        assertThat(c.outputEvents()).isEqualTo(24);
    }

    @Test
    void vllmToolCallFragmentsAreAssembledPerIndex() throws Exception {
        Completion c = connect(SimScript.defaults().withInterTokenMs(1)
                .withAnswers(Answer.toolCalls("weather", WEATHER, TIME)))
                .stream(ChatRequest.user("What is the weather in Bengaluru?"));

        assertCalls(c);
        assertThat(c.events().stream().filter(e -> e.toolCallParts() > 0).count())
                .as("arguments arrive in fragments").isGreaterThan(4);
    }

    @Test
    void twoEntriesForTheSameIndexInOneDeltaAreConcatenated() throws Exception {
        Completion c = connect(SimScript.defaults().withInterTokenMs(1).withTokensPerEvent(3)
                .withSplitToolCallDeltas(true).withAnswers(Answer.toolCalls("weather", WEATHER, TIME)))
                .stream(ChatRequest.user("weather please"));

        assertCalls(c);
        assertThat(c.events().stream().anyMatch(e -> e.toolCallParts() == 3)).isTrue();
    }

    @Test
    void aNamedToolChoiceEndsWithFinishReasonStop() throws Exception {
        Completion c = connect(SimScript.defaults().withInterTokenMs(1).withAnswers(Answer.toolCalls("weather", WEATHER)))
                .stream(ChatRequest.user("weather please").toolChoice(JSON.readTree(
                        "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"}}")));

        assertThat(c.finishReason()).isEqualTo("stop");
        assertThat(c.toolCalls()).extracting(ToolCall::name).containsExactly("get_weather");
    }

    @Test
    void ollamaSendsEachCallWholeAndTheFinishReasonInItsOwnChunk() throws Exception {
        Completion c = connect(SimScript.defaults().withDialect("ollama").withInterTokenMs(1)
                .withAnswers(Answer.toolCalls("weather", WEATHER, TIME)))
                .stream(ChatRequest.user("weather please"));

        assertCalls(c);
        assertThat(c.events().stream().filter(e -> e.toolCallParts() > 0).count()).isEqualTo(2);
        StreamEvent finish = c.events().stream().filter(e -> e.finishReason() != null).findFirst().orElseThrow();
        assertThat(finish.bearsOutput()).as("finish chunk has an empty delta").isFalse();
    }

    private static void assertCalls(Completion c) throws Exception {
        assertThat(c.finishReason()).isEqualTo("tool_calls");
        assertThat(c.toolCalls()).extracting(ToolCall::name).containsExactly("get_weather", "get_time");
        assertThat(c.toolCalls()).allSatisfy(call -> assertThat(call.id()).isNotBlank());
        assertThat(JSON.readTree(c.toolCalls().get(0).arguments())).isEqualTo(WEATHER.arguments());
        assertThat(JSON.readTree(c.toolCalls().get(1).arguments())).isEqualTo(TIME.arguments());
    }

    @Test
    void reasoningIsReadFromEitherField() {
        Answer thinking = Answer.content("why", "Because.").withReasoning("Let me think about it.");
        for (String field : List.of("reasoning", "reasoning_content")) {
            Completion c = connect(SimScript.defaults().withInterTokenMs(1).withReasoningField(field)
                    .withAnswers(thinking)).stream(ChatRequest.user("why?"));
            assertThat(c.reasoning()).as(field).isEqualTo("Let me think about it.");
            assertThat(c.content()).isEqualTo("Because.");
        }
    }

    @Test
    void structuredOutputReturnsTheScriptedObject() throws Exception {
        JsonNode object = JSON.readTree("{\"name\": \"Asha\", \"city\": \"Mysuru\"}");
        ChatRequest request = ChatRequest.user("extract entities").responseFormat(JSON.readTree(
                "{\"type\": \"json_schema\", \"json_schema\": {\"name\": \"e\", \"schema\": {\"type\": \"object\"}}}"));
        Completion c = connect(SimScript.defaults().withInterTokenMs(1)
                .withAnswers(Answer.content("extract", "not json").withJson(object))).stream(request);

        assertThat(JSON.readTree(c.content())).isEqualTo(object);
    }

    @Test
    void nonStreamingAnswersWithTheWholeMessage() {
        JsonNode answer = connect(SimScript.defaults().withInterTokenMs(1).withAnswers(Answer.content("hi", "Hello there.")))
                .complete(ChatRequest.user("hi"));

        assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo("Hello there.");
        assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void http500BecomesAServerErrorQuotingTheServer() {
        connect(SimScript.defaults().withFaults(Faults.http500At(2)));
        chat.client().stream(ChatRequest.user("one"));

        assertThatThrownBy(() -> chat.client().stream(ChatRequest.user("two")))
                .isInstanceOfSatisfying(ServerError.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.midStream()).isFalse();
                    assertThat(e.serverMessage()).isEqualTo("simulated engine failure at request 2");
                    assertThat(e.getMessage()).contains("HTTP 500", "InternalServerError");
                });
    }

    @Test
    void anErrorEventMidStreamIsAServerErrorMarkedMidStream() {
        connect(SimScript.defaults().withFaults(Faults.midStreamErrorAt(1)));

        assertThatThrownBy(() -> chat.client().stream(ChatRequest.user("x")))
                .isInstanceOfSatisfying(ServerError.class, e -> {
                    assertThat(e.midStream()).isTrue();
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("mid-stream", "simulated engine failure mid-stream");
                });
    }

    @Test
    void aMalformedEventIsAProtocolError() {
        connect(SimScript.defaults().withFaults(Faults.malformedEventAt(1)));

        assertThatThrownBy(() -> chat.client().stream(ChatRequest.user("x")))
                .isInstanceOf(ProtocolError.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void anUnknownModelIs404WithVllmsMessage() {
        connect(SimScript.defaults());
        try (ChatClient wrong = new ChatClient(chat.sim().baseUrl(), "no-such-model", Optional.empty(), ClientOptions.DEFAULTS)) {
            assertThatThrownBy(() -> wrong.stream(ChatRequest.user("x")))
                    .isInstanceOfSatisfying(ServerError.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.serverMessage()).isEqualTo("The model `no-such-model` does not exist.");
                    });
        }
    }

    @Test
    void aMissingApiKeyIs401OnV1ButHealthStaysOpen() {
        connect(SimScript.defaults().withApiKey("sk-sim-secret-1234"));
        try (ChatClient anonymous = new ChatClient(chat.sim().baseUrl(), "sim-model", Optional.empty(), ClientOptions.DEFAULTS)) {
            assertThatThrownBy(() -> anonymous.stream(ChatRequest.user("x")))
                    .isInstanceOfSatisfying(ServerError.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.serverMessage()).isEqualTo("Unauthorized");
                    });
            assertThat(anonymous.get("/health").isEmpty()).isTrue();
        }
        assertThat(chat.client().stream(ChatRequest.user("x")).sawDone()).as("with the key it is served").isTrue();
    }

    @Test
    void aPromptLongerThanTheContextIsRefusedWithVllmsWording() {
        connect(SimScript.defaults().withMaxModelLen(100));

        assertThatThrownBy(() -> chat.client().stream(ChatRequest.user("word ".repeat(100))))
                .isInstanceOfSatisfying(ServerError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.serverMessage()).contains("maximum context length is 100 tokens");
                });
        assertThatThrownBy(() -> chat.client().stream(ChatRequest.user("short").maxTokens(200)))
                .isInstanceOfSatisfying(ServerError.class, e -> assertThat(e.serverMessage())
                        .contains("'max_tokens' or 'max_completion_tokens' is too large: 200"));
    }

    @Test
    void imagesAreRefusedByATextOnlyModel() throws Exception {
        connect(SimScript.defaults().withAcceptsImages(false));
        JsonNode message = JSON.readTree("{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"what is it?\"},"
                + " {\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,AAAA\"}}]}");

        assertThatThrownBy(() -> chat.client().stream(ChatRequest.create().message(message)))
                .isInstanceOfSatisfying(ServerError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.serverMessage()).contains("not a multimodal model");
                });
    }

    @Test
    void aStalledStreamTimesOutAfterTheIdleTimeout() {
        connect(SimScript.defaults().withFaults(Faults.stallAt(1)),
                o -> o.withTimeouts(Duration.ofMillis(400), Duration.ofSeconds(30)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> chat.client().stream(ChatRequest.user("x")))
                .isInstanceOf(RequestTimeout.class)
                .hasMessageContaining("stalled");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).isBetween(400L, 3_000L);
    }

    @Test
    void aWholeRequestTimeoutCutsASlowStream() {
        connect(SimScript.defaults().withInterTokenMs(100).withOutputTokens(50),
                o -> o.withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> chat.client().stream(ChatRequest.user("x")))
                .isInstanceOf(RequestTimeout.class)
                .hasMessageContaining("did not finish");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(500L, 3_000L);
    }

    @Test
    void aServerThatDiesMidStreamIsAProtocolError() {
        connect(SimScript.defaults().withInterTokenMs(50).withFaults(Faults.crashAt(1)));

        assertThatThrownBy(() -> chat.client().stream(ChatRequest.user("x")))
                .isInstanceOf(ProtocolError.class);
    }
}
