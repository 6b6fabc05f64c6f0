package dev.modelgate.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.Completion;
import dev.modelgate.client.ProtocolError;
import dev.modelgate.sim.SimScript.Faults;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SimulatorMain} as its own process, started through the {@code vllm} file {@link SimLauncher} writes. */
class SimulatorProcessTest {

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process launch(SimScript script, int port, String... extra) throws IOException {
        Path vllm = SimLauncher.write(dir.resolve("bin"), script);
        List<String> command = new ArrayList<>(List.of(vllm.toString(), "serve", "org/some-model", "--host", "127.0.0.1",
                "--port", String.valueOf(port)));
        command.addAll(List.of(extra));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("vllm.log").toFile()).start();
        return process;
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("vllm.log"));
    }

    private void awaitLine(String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(line)) {
            assertThat(process.isAlive()).as("simulator exited early:\n" + log()).isTrue();
            assertThat(System.nanoTime()).as("waiting for '" + line + "' in\n" + log()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void bootsLogsLikeVllmServesAndStopsOnTerm() throws Exception {
        int port = freePort();
        launch(SimScript.defaults().withFaults(Faults.bootDelay(300)), port, "--served-model-name", "gemma",
                "--max-model-len", "8k", "--enable-auto-tool-choice", "--tool-call-parser", "gemma4",
                "--gpu-memory-utilization=0.5", "--enforce-eager");
        awaitLine("Application startup complete.", Duration.ofSeconds(30));

        assertThat(log()).contains("Model loading took 8.21 GiB memory and 12.3 seconds",
                "Available KV cache memory: 1.9 GiB", "GPU KV cache size: 12,345 tokens",
                "Maximum concurrency for 4,096 tokens per request: 3.01x");
        try (ChatClient client = new ChatClient(URI.create("http://127.0.0.1:" + port), "gemma", Optional.empty(),
                ClientOptions.DEFAULTS)) {
            assertThat(client.servedContextLength()).hasValue(8192);
            Completion c = client.stream(ChatRequest.user("hello"));
            assertThat(c.sawDone()).isTrue();
        }

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exits on TERM").isTrue();
        assertThat(log()).contains("Shutting down");
    }

    @Test
    void anExitDuringBootPrintsItsMessageAndExitCode() throws Exception {
        launch(SimScript.defaults().withFaults(Faults.exitDuringBoot(200, 3,
                "ValueError: invalid tool call parser: nope")), freePort());

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(log()).contains("GPU KV cache size", "ValueError: invalid tool call parser: nope")
                .doesNotContain("Application startup complete.");
    }

    @Test
    void aCrashMidStreamKillsTheProcessAndIsAProtocolErrorForTheClient() throws Exception {
        int port = freePort();
        launch(SimScript.defaults().withInterTokenMs(50).withFaults(Faults.crashAt(2)), port,
                "--api-key", "sk-process-key-42");
        awaitLine("Application startup complete.", Duration.ofSeconds(30));
        try (ChatClient client = new ChatClient(URI.create("http://127.0.0.1:" + port), "org/some-model",
                Optional.of(new dev.modelgate.catalog.Secret("sk-process-key-42")), ClientOptions.DEFAULTS)) {
            assertThat(client.stream(ChatRequest.user("first")).sawDone()).isTrue();

            assertThatThrownBy(() -> client.stream(ChatRequest.user("second")))
                    .isInstanceOf(ProtocolError.class);
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(log()).contains("simulated crash").doesNotContain("sk-process-key-42");
    }

    @Test
    void versionFlagPrintsAVersion() throws Exception {
        Path vllm = SimLauncher.write(dir.resolve("bin"), SimScript.defaults());
        process = new ProcessBuilder(vllm.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("0.12.0-sim");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
