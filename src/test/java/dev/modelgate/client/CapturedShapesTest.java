package dev.modelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.measure.ContextOverflow;
import org.junit.jupiter.api.Test;

/**
 * Responses shaped like what vLLM, and vLLM behind a LiteLLM proxy, really send, including the
 * shapes the client used to misread.
 */
class CapturedShapesTest {

    private static final String ROLE = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n";

    private static String content(String text, String finish) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                + "[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"logprobs\":null,\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    private static final String USAGE = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"total_tokens\":11,"
            + "\"completion_tokens\":2}}\n\n";

    /**
     * LiteLLM maps a context overflow to its ContextWindowExceededError and wraps the engine's whole
     * error (as the OpenAI client prints it) in its own words: the figures come after 200 characters.
     */
    @Test
    void aContextOverflowRelayedByLiteLlmIsRecognised() {
        String message = "litellm.ContextWindowExceededError: litellm.BadRequestError: ContextWindowExceededError:"
                + " OpenAIException - Error code: 400 - {'object': 'error', 'message': \\\"This model's maximum context"
                + " length is 32768 tokens. However, you requested 40111 tokens (39999 in the messages, 112 in the"
                + " completion). Please reduce the length of the messages or completion.\\\", 'type':"
                + " 'BadRequestError', 'param': None, 'code': 400}\\nReceived Model Group=voice-llm\\nAvailable Model"
                + " Group Fallbacks=None";
        String body = "{\"error\":{\"message\":\"" + message + "\",\"type\":null,\"param\":null,\"code\":\"400\"}}";
        assertThat(message.indexOf("40111")).as("the requested count lies past where the message used to be cut")
                .isGreaterThan(200);
        try (CannedServer server = CannedServer.json(400, body); ChatClient client = server.client()) {
            assertThatThrownBy(() -> client.stream(ChatRequest.user("long")))
                    .isInstanceOfSatisfying(ServerError.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(ContextOverflow.of(e)).contains(new ContextOverflow(32768, 40111));
                        assertThat(e.getMessage()).startsWith("HTTP 400: litellm.ContextWindowExceededError");
                    });
        }
    }

    @Test
    void aStreamWhoseDoneLacksTheClosingBlankLineIsComplete() {
        for (String end : new String[] {"data: [DONE]\n", "data: [DONE]"}) {
            String body = ROLE + "data: " + content("Hi", null) + "\n\n" + "data: " + content("!", "stop") + "\n\n"
                    + USAGE + end;
            try (CannedServer server = CannedServer.events(body); ChatClient client = server.client()) {
                Completion c = client.stream(ChatRequest.user("hello"));

                assertThat(c.sawDone()).as(end.replace("\n", "\\n")).isTrue();
                assertThat(c.content()).isEqualTo("Hi!");
                assertThat(c.completionTokens()).hasValue(2);
            }
        }
    }

    @Test
    void aStreamCutInTheMiddleOfAnEventSaysSo() {
        String body = ROLE + "data: " + content("Hi", null) + "\n\n" + "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\"";
        try (CannedServer server = CannedServer.events(body); ChatClient client = server.client()) {
            assertThatThrownBy(() -> client.stream(ChatRequest.user("hello")))
                    .isInstanceOf(ProtocolError.class)
                    .hasMessageContaining("ended in the middle of an event (connection closed early)");
        }
    }

    @Test
    void aStreamWithoutDoneIsStillClosedEarly() {
        String body = ROLE + "data: " + content("Hi", "stop") + "\n\n";
        try (CannedServer server = CannedServer.events(body); ChatClient client = server.client()) {
            assertThatThrownBy(() -> client.stream(ChatRequest.user("hello")))
                    .isInstanceOf(ProtocolError.class)
                    .hasMessageEndingWith("ended without data: [DONE] (connection closed early)");
        }
    }

    /** A proxy that re-chunks can put two chunks in one event (two data: lines, no blank line between). */
    @Test
    void anEventHoldingTwoJsonObjectsIsAProtocolError() {
        String body = ROLE + "data: " + content("Hi", null) + "\ndata: " + content("!", "stop") + "\n\n" + USAGE
                + "data: [DONE]\n\n";
        try (CannedServer server = CannedServer.events(body); ChatClient client = server.client()) {
            assertThatThrownBy(() -> client.stream(ChatRequest.user("hello")))
                    .isInstanceOf(ProtocolError.class)
                    .hasMessageStartingWith("one stream event holds several JSON objects");
        }
    }

    /** A strict OpenAI-compatible server refuses vLLM's option: the request goes again without it, and later ones too. */
    @Test
    void aServerThatRefusesContinuousUsageIsAskedWithoutIt() throws Exception {
        java.util.List<String> bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            bodies.add(request);
            boolean refused = request.contains("continuous_usage_stats");
            byte[] out = (refused ? "{\"error\":{\"message\":\"Unrecognized request argument supplied:"
                    + " continuous_usage_stats\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"
                    : ROLE + "data: " + content("Hi", "stop") + "\n\n" + USAGE + "data: [DONE]\n\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", refused ? "application/json" : "text/event-stream");
            exchange.sendResponseHeaders(refused ? 400 : 200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        try (ChatClient client = new ChatClient(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "m", java.util.Optional.empty(), ClientOptions.DEFAULTS)) {
            assertThat(client.stream(ChatRequest.user("a")).content()).isEqualTo("Hi");
            assertThat(client.stream(ChatRequest.user("b")).content()).isEqualTo("Hi");

            assertThat(client.asksContinuousUsage()).isFalse();
            assertThat(bodies).hasSize(3);
            assertThat(bodies.get(2)).contains("\"include_usage\":true").doesNotContain("continuous_usage_stats");
        } finally {
            server.stop(0);
        }
    }

    /** LiteLLM's proxy writes its error codes as text, and "None" when it has none. */
    @Test
    void aMidStreamErrorWithoutANumericCodeHasNoStatus() {
        String[] errors = {
            "{\"error\": {\"message\": \"litellm.APIConnectionError: engine went away\", \"type\": \"None\","
                    + " \"param\": \"None\", \"code\": \"None\"}}",
            "{\"error\": {\"message\": \"engine went away\", \"type\": \"internal_error\"}}"};
        for (String error : errors) {
            String body = ROLE + "data: " + content("Hi", null) + "\n\n" + "data: " + error + "\n\n"
                    + "data: [DONE]\n\n";
            try (CannedServer server = CannedServer.events(body); ChatClient client = server.client()) {
                assertThatThrownBy(() -> client.stream(ChatRequest.user("hello")))
                        .isInstanceOfSatisfying(ServerError.class, e -> {
                            assertThat(e.midStream()).isTrue();
                            assertThat(e.status()).as(error).isEqualTo(ServerError.NO_STATUS);
                            assertThat(e.getMessage()).startsWith("server error mid-stream, without a status code");
                        });
            }
        }
    }

    @Test
    void aMidStreamErrorWithItsCodeAsTextKeepsIt() {
        String body = ROLE + "data: {\"error\": {\"message\": \"litellm.InternalServerError: boom\", \"type\": \"None\","
                + " \"param\": \"None\", \"code\": \"500\"}}\n\ndata: [DONE]\n\n";
        try (CannedServer server = CannedServer.events(body); ChatClient client = server.client()) {
            assertThatThrownBy(() -> client.stream(ChatRequest.user("hello")))
                    .isInstanceOfSatisfying(ServerError.class, e -> {
                        assertThat(e.status()).isEqualTo(500);
                        assertThat(e.type()).as("LiteLLM's \"None\" is no type").isNull();
                    });
        }
    }
}
