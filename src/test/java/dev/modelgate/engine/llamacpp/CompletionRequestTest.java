package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CompletionRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAStreamingRequestWithItsOptions() throws Exception {
        CompletionRequest r = parse("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[]}],"
                + "\"max_completion_tokens\":64,\"temperature\":0.2,\"seed\":7,\"stop\":\"END\",\"ignore_eos\":true,"
                + "\"response_format\":{\"type\":\"json_object\"}}");

        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();
        assertThat(r.messages().toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief\"},"
                + "{\"role\":\"user\",\"content\":\"a\\nb\"},{\"role\":\"assistant\",\"content\":\"\"}]");
        assertThat(r.maxTokens()).hasValue(64);
        assertThat(r.temperature()).hasValue(0.2);
        assertThat(r.seed()).hasValue(7);
        assertThat(r.stop()).containsExactly("END");
        assertThat(r.ignoreEos()).isTrue();
        assertThat(r.jsonSchema()).hasValue("{\"type\":\"object\"}");
        assertThat(r.toolsIgnored()).isZero();
    }

    @Test
    void refusesWhatItCannotHonourNamingTheField() {
        assertRefused("{\"model\":\"other\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", 404,
                "The model `other` does not exist.");
        assertRefused("{\"messages\":[]}", 400, "messages must be a non-empty array");
        assertRefused("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"n\":2}", 400, "n=2 is not supported");
        assertRefused("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"logprobs\":true}", 400,
                "logprobs are not supported");
        assertRefused("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":0}", 400,
                "max_tokens must be a positive whole number");
        assertRefused("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}}", 400,
                "tool_choice 'get_weather' cannot be honoured");
        assertRefused("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\"}]}]}", 400,
                "messages[0].content[0] is of type 'input_audio'");
    }

    @Test
    void leavesOutToolsTheModelCannotCall() throws Exception {
        CompletionRequest r = parse("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{},{}],"
                + "\"tool_choice\":\"auto\"}");

        assertThat(r.toolsIgnored()).isEqualTo(2);
    }

    @Test
    void serverOptionsSurviveTheCommandLine() {
        ServerOptions o = new ServerOptions(Path.of("/models/a b.gguf"), "127.0.0.1", 8123, "tiny", 2, 4096,
                Path.of("/logs/native.log"), OptionalLong.of(42));

        assertThat(ServerOptions.parse(o.toArgs().toArray(String[]::new))).isEqualTo(o);
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--gguf", "x", "--colour", "red"}))
                .hasMessageStartingWith("unknown argument --colour");
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--served-name", "x", "--native-log", "n")
                .toArray(String[]::new))).hasMessage("--gguf is required");
    }

    private static CompletionRequest parse(String body) throws Exception {
        return CompletionRequest.parse(JSON.readTree(body), "m");
    }

    private static void assertRefused(String body, int status, String message) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> CompletionRequest.parse(tree, "m")).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).startsWith(message);
            assertThat(e.body().at("/error/code").asInt()).isEqualTo(status);
        });
    }
}
