package dev.modelgate.client;

import static org.assertj.core.api.Assertions.assertThat;

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
}
