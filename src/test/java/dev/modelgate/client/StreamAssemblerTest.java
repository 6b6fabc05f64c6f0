package dev.modelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tool-call assembly for streams whose entries carry no {@code index} (some OpenAI-compatible servers). */
class StreamAssemblerTest {

    @Test
    void entriesWithoutAnIndexStartANewCallWhenNamedAndContinueTheLastOtherwise() {
        StreamAssembler a = new StreamAssembler(0);
        a.accept("{\"choices\":[{\"delta\":{\"tool_calls\":["
                + "{\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\"}},"
                + "{\"function\":{\"arguments\":\"\\\"Mysuru\\\"}\"}},"
                + "{\"id\":\"b\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}"
                + "]}}]}", 1);
        a.accept("[DONE]", 2);

        Completion c = a.finish(3);

        assertThat(c.toolCalls()).extracting(ToolCall::name).containsExactly("get_weather", "get_time");
        assertThat(c.toolCalls().get(0).arguments()).isEqualTo("{\"city\":\"Mysuru\"}");
        assertThat(c.toolCalls().get(1).arguments()).isEqualTo("{}");
    }

    @Test
    void reasoningIsReadWhenTheOtherReasoningKeyIsNullAndCountedOnceWhenBothCarryIt() {
        StreamAssembler a = new StreamAssembler(0);
        a.accept("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}", 1);
        a.accept("{\"choices\":[{\"delta\":{\"reasoning\":null,\"reasoning_content\":\"Let\"}}]}", 2);
        a.accept("{\"choices\":[{\"delta\":{\"reasoning\":\" me\",\"reasoning_content\":\" me\"}}]}", 3);
        a.accept("[DONE]", 4);

        Completion c = a.finish(5);

        assertThat(c.reasoning()).isEqualTo("Let me");
        assertThat(c.ttftNanos()).hasValue(2);
    }

    @Test
    void anOlderVllmErrorObjectMidStreamIsAServerError() {
        StreamAssembler a = new StreamAssembler(0);
        a.accept("{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}", 1);

        assertThatThrownBy(() -> a.accept("{\"object\":\"error\",\"message\":\"engine died\","
                + "\"type\":\"InternalServerError\",\"param\":null,\"code\":500}", 2))
                .isInstanceOfSatisfying(ServerError.class, e -> {
                    assertThat(e.midStream()).isTrue();
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.serverMessage()).isEqualTo("engine died");
                });
    }
}
