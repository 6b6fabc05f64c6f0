package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.Problem;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformancePromptsTest {

    @TempDir
    Path cases;

    private PerformancePrompts load(Problems problems) {
        return PerformancePrompts.load(Settings.ofMap(Map.of(Settings.CASES, cases.toString())), problems);
    }

    private void write(String name, String yaml) throws Exception {
        Files.createDirectories(cases.resolve("performance"));
        Files.writeString(cases.resolve("performance").resolve(name), yaml);
    }

    @Test
    void theBuiltInCasesCoverEveryKind() {
        Problems problems = new Problems();
        PerformancePrompts prompts = PerformancePrompts.load(Settings.ofMap(Map.of()), problems);

        assertThat(problems.list()).isEmpty();
        assertThat(prompts.shortPrompt().id()).isEqualTo("short");
        assertThat(prompts.fixedOutput().ignoreEos()).isTrue();
        assertThat(prompts.longest().kind()).isEqualTo(PerformanceCase.Kind.LONG);
        assertThat(prompts.longest().promptTokens()).isEqualTo(32768);
    }

    @Test
    void anExtraCaseWithTheSameIdReplacesTheBuiltInOne() throws Exception {
        write("short.yaml", "kind: short\nprompt: Say hi.\nmaxTokens: 8\n");
        Problems problems = new Problems();

        PerformancePrompts prompts = load(problems);

        assertThat(problems.list()).isEmpty();
        assertThat(prompts.shortPrompt().prompt()).isEqualTo("Say hi.");
        assertThat(prompts.shortPrompt().source()).endsWith("performance/short.yaml").startsWith(cases.toString());
    }

    @Test
    void everyProblemIsReportedWithItsFileAndFieldPath() throws Exception {
        write("short.yaml", "kind: short\nprompt: ''\nmaxTokens: one\n");
        write("long.yaml", "kind: long\nprompt: q\nfiler: typo\n");
        Problems problems = new Problems();

        load(problems);

        assertThat(problems.list()).extracting(Problem::file).allSatisfy(f -> assertThat(f).contains("performance/"));
        assertThat(problems.list()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("short.yaml");
            assertThat(p.path()).isEqualTo("$.maxTokens");
        });
        assertThat(problems.list()).anySatisfy(p -> assertThat(p.path()).isEqualTo("$.prompt"));
        assertThat(problems.list()).anySatisfy(p -> assertThat(p.message()).contains("unknown field 'filer'"));
        assertThat(problems.list()).anySatisfy(p -> assertThat(p.message()).contains("filler"));
    }

    @Test
    void aSecondCaseOfOneKindIsAProblemThatSaysHowToReplace() throws Exception {
        write("my-short.yaml", "kind: short\nprompt: Hello there.\n");
        Problems problems = new Problems();

        load(problems);

        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("my-short.yaml");
            assertThat(p.path()).isEqualTo("$.kind");
            assertThat(p.message()).contains("a second case of kind 'short'", "give your file its name ('short.yaml')");
        });
    }

    @Test
    void theLongPromptIsSizedToTheServedContextAndStartsWithTheUniquePrefix() {
        PerformanceCase longCase = PerformancePrompts.load(Settings.ofMap(Map.of()), new Problems()).longPrompt();

        ObjectNode body = longCase.request("Request x-1. ", 16, OptionalInt.of(8192), false).toBody("m", true);

        String user = body.at("/messages/0/content").asText();
        assertThat(user).startsWith("Request x-1. Entry 1. The maintenance crew");
        int tokens = user.length() / PerformanceCase.CHARS_PER_TOKEN;
        assertThat(tokens).isBetween(6000, (int) (8192 * 0.85));
        assertThat(body.path("max_tokens").asInt()).isEqualTo(16);
        assertThat(longCase.longText(100)).isEqualTo(longCase.longText(100)).hasSizeLessThanOrEqualTo(400);
    }

    @Test
    void theFixedOutputRequestAsksForExactlyMaxTokens() {
        PerformancePrompts prompts = PerformancePrompts.load(Settings.ofMap(Map.of()), new Problems());

        JsonNode with = prompts.fixedOutput().request("P. ", 128, OptionalInt.empty(), true).toBody("m", true);
        JsonNode without = prompts.fixedOutput().request("P. ", 128, OptionalInt.empty(), false).toBody("m", true);

        assertThat(with.path("ignore_eos").asBoolean()).isTrue();
        assertThat(with.path("min_tokens").asInt()).isEqualTo(128);
        assertThat(with.path("max_tokens").asInt()).isEqualTo(128);
        assertThat(without.has("ignore_eos")).isFalse();
        assertThat(without.has("min_tokens")).isFalse();
        assertThat(with.at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void aSystemMessageCarriesThePrefixSoThePromptsFirstTokensDiffer() {
        ChatRequest r = PerformancePrompts.load(Settings.ofMap(Map.of()), new Problems()).shortPrompt()
                .request("Request a-7. ", 64, OptionalInt.empty(), true);

        assertThat(r.messages().get(0).path("role").asText()).isEqualTo("system");
        assertThat(r.messages().get(0).path("content").asText()).startsWith("Request a-7. You are");
        assertThat(r.toBody("m", true).has("ignore_eos")).as("only the fixed-output case sets output controls").isFalse();
    }
}
