package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.EngineSpec;
import dev.modelgate.catalog.Secret;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.ServerError;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.RunningModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaCppLifecycleTest {

    private static final String KEY = "sk-modelgate-test-8c1f0e";

    @TempDir
    Path workDir;

    @Test
    void requiresTheApiKeyWithoutShowingItAndStopsCleanly() throws Exception {
        RunningModel model = new LlamaCppEngine().start(TinyModel.candidate(),
                TinyModel.context(workDir, Map.of(), Optional.of(new Secret(KEY))).engine());
        long pid = model.process().orElseThrow().pid();
        try (ChatClient anonymous = new ChatClient(model.baseUrl(), model.servedName(), Optional.empty(),
                ClientOptions.DEFAULTS);
             ChatClient keyed = new ChatClient(model.baseUrl(), model.servedName(), Optional.of(new Secret(KEY)),
                     ClientOptions.DEFAULTS)) {
            assertThatThrownBy(() -> anonymous.servedModels()).isInstanceOfSatisfying(ServerError.class,
                    e -> assertThat(e.status()).isEqualTo(401));
            assertThat(anonymous.get("/health").isEmpty()).isTrue();
            assertThat(keyed.stream(ChatRequest.user("Hello").maxTokens(4)).completionTokens()).isPresent();
        }
        assertThat(model.details().get("command")).doesNotContain(KEY).contains(LlamaServerMain.class.getName());
        assertThat(Files.readString(model.log().orElseThrow())).doesNotContain(KEY);

        model.close();
        model.close(); // idempotent

        assertThat(model.alive()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(TinyModel.processesMentioning(workDir.toString())).isEmpty();
    }

    @Test
    void aFileLlamaCppCannotLoadFailsTheBootWithItsLog() throws Exception {
        byte[] all = Files.readAllBytes(GgufFileTest.STORIES);
        Path broken = Files.write(workDir.resolve("broken.gguf"), Arrays.copyOf(all, all.length * 9 / 10));
        Candidate candidate = withGguf(TinyModel.candidate(), broken.toString());

        assertThatThrownBy(() -> new LlamaCppEngine().start(candidate,
                TinyModel.context(workDir, Map.of(), Optional.empty()).engine()))
                .isInstanceOfSatisfying(BootFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(BootFailure.Kind.EXITED);
                    assertThat(e.exitCode()).hasValue(3);
                    assertThat(e.getMessage()).contains("cannot load").contains("broken.gguf");
                    assertThat(e.log()).isPresent();
                });
        assertThat(TinyModel.processesMentioning(workDir.toString())).isEmpty();
        assertThat(ChildProcess.tail(workDir.resolve("llamacpp.log"), 5)).contains("cannot load");
    }

    @Test
    void aFileThatIsNotGgufIsRefusedBeforeAnythingStarts() throws Exception {
        Path text = Files.writeString(workDir.resolve("model.gguf"), "hello");

        assertThatThrownBy(() -> new LlamaCppEngine().start(withGguf(TinyModel.candidate(), text.toString()),
                TinyModel.context(workDir, Map.of(), Optional.empty()).engine()))
                .isInstanceOfSatisfying(BootFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(BootFailure.Kind.INVALID);
                    assertThat(e.getMessage()).isEqualTo("stories-260k: engine.gguf " + text + " cannot be used:"
                            + " model.gguf is not a GGUF file (it does not start with the bytes 'GGUF')");
                });
        assertThat(workDir.resolve("llamacpp.log")).doesNotExist();
    }

    private static Candidate withGguf(Candidate c, String gguf) {
        EngineSpec e = c.engine();
        return c.withEngine(new EngineSpec(e.type(), e.args(), e.env(), e.url(), e.image(), e.dockerArgs(), gguf, null,
                e.threads(), e.contextLength(), e.ollamaModel(), e.servedName()));
    }
}
