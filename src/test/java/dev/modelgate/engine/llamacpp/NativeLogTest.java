package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLogTest {

    @TempDir
    Path dir;

    @Test
    void readsBuildAndTokenCountsOfFinishedTasks() throws IOException {
        Path file = dir.resolve("native.log");
        NativeLog log = new NativeLog(file);
        // Lines as llama.cpp b4916 wrote them for two tasks.
        Files.writeString(file, """
                build: 4916 (c6af2161) with gcc (GCC) 10.2.1 20210130 (Red Hat 10.2.1-11) for x86_64-redhat-linux
                slot launch_slot_: id  0 | task 0 | processing task
                slot update_slots: id  0 | task 0 | new prompt, n_ctx_slot = 2048, n_keep = 0, n_prompt_tokens = 42
                slot      release: id  0 | task 0 | stop processing: n_past = 61, truncated = 0
                slot print_timing: id  0 | task 0 |\s
                prompt eval time =       2.31 ms /    42 tokens (    0.09 ms per token, 11668.11 tokens per second)
                       eval time =      11.56 ms /    20 tokens (    0.34 ms per token,  2941.18 tokens per second)
                      total time =      13.87 ms /    62 tokens
                slot update_slots: id  0 | task 12 | new prompt, n_ctx_slot = 2048, n_keep = 0, n_prompt_tokens = 7
                """);

        assertThat(log.build()).hasValue("b4916 (c6af2161)");
        assertThat(log.promptTokens(0)).hasValue(42);
        assertThat(log.generatedTokens(0, Duration.ZERO)).hasValue(20);
        assertThat(log.promptTokens(12)).hasValue(7);
        assertThat(log.generatedTokens(12, Duration.ZERO)).isEmpty();

        // The rest of task 12 arrives later, split in the middle of a line.
        Files.writeString(file, "slot print_timing: id  0 | task 12 | \nprompt eval time =   1.0 ms /  7 tokens\n"
                + "       eval time =      3.00 ms /", StandardOpenOption.APPEND);
        assertThat(log.generatedTokens(12, Duration.ZERO)).isEmpty();
        Files.writeString(file, "   128 tokens (    0.02 ms per token)\n", StandardOpenOption.APPEND);
        assertThat(log.generatedTokens(12, Duration.ofMillis(100))).hasValue(128);
    }

    @Test
    void aPromptEvalLineIsNotTheGenerationCount() {
        NativeLog log = new NativeLog(dir.resolve("absent.log"));
        log.accept("slot print_timing: id  0 | task 3 | ");
        log.accept("prompt eval time =       2.31 ms /    42 tokens (    0.09 ms per token)");

        assertThat(log.generatedTokens(3, Duration.ZERO)).isEmpty();
        log.accept("       eval time =      11.56 ms /     1 tokens (   11.56 ms per token)");
        assertThat(log.generatedTokens(3, Duration.ZERO)).hasValue(1);
    }
}
