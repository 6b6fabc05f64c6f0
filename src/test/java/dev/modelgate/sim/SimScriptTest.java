package dev.modelgate.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.sim.SimScript.Answer;
import dev.modelgate.sim.SimScript.Faults;
import dev.modelgate.sim.SimScript.ScriptedCall;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimScriptTest {

    @TempDir
    Path dir;

    @Test
    void aFileNamesOnlyWhatDiffersFromTheDefaults() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"ttftMs\": 250, \"faults\": {\"stallAtRequest\": 3},"
                + " \"answers\": [{\"match\": \"weather\", \"toolCalls\": [{\"name\": \"w\", \"arguments\": {\"c\": 1}}]}]}");

        SimScript s = SimScript.load(file);

        assertThat(s.ttftMs()).isEqualTo(250);
        assertThat(s.interTokenMs()).isEqualTo(SimScript.defaults().interTokenMs());
        assertThat(s.servedName()).isEqualTo("sim-model");
        assertThat(s.faults().stallAtRequest()).isEqualTo(3);
        assertThat(s.faults().crashAtRequest()).isZero();
        assertThat(s.answerFor("weather today?").orElseThrow().toolCalls()).extracting(ScriptedCall::name)
                .containsExactly("w");
        assertThat(s.startupLog()).isEqualTo(SimScript.VLLM_STARTUP_LOG);
    }

    @Test
    void aScriptSurvivesTheRoundTripThroughJson() {
        SimScript s = SimScript.defaults().withTtftMs(12.5).withDialect("ollama").withApiKey("k")
                .withAnswers(Answer.content("hi", "hello").withReasoning("hmm"),
                        Answer.toolCalls(null, ScriptedCall.of("f", "{\"a\": [1, 2]}")))
                .withFaults(Faults.exitDuringBoot(100, 3, "ValueError: boom"));
        Path file = dir.resolve("round.json");
        s.save(file);

        assertThat(SimScript.load(file)).isEqualTo(s);
    }

    @Test
    void aMisspelledFieldIsAnErrorNotASilentDefault() throws Exception {
        Path file = dir.resolve("typo.json");
        Files.writeString(file, "{\"ttftMS\": 250}");

        assertThatThrownBy(() -> SimScript.load(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("ttftMS");
    }
}
