package dev.modelgate.engine.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.EngineSpec;
import dev.modelgate.catalog.Facts;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.client.Completion;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.EngineContext;
import dev.modelgate.engine.EngineSettings;
import dev.modelgate.engine.registry.Engines;
import dev.modelgate.engine.Launchers;
import dev.modelgate.engine.Ports;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.engine.ServingDialect;
import dev.modelgate.engine.VllmEngine;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ollama engine against the simulator in its Ollama dialect, in-process and as {@code ollama serve}. */
class OllamaEngineTest {

    private static final SimScript FRESH_OLLAMA = SimScript.defaults().withDialect("ollama")
            .withServedName("tiny:latest").withTtftMs(5).withInterTokenMs(1).withOutputTokens(12).withMaxModelLen(8192)
            .toBuilder().ollama(new SimScript.Ollama(3_300_000_000L, 2_100_000_000L, List.of("completion", "tools"),
                    "gemma3").notPulled()).build();

    @TempDir
    Path dir;
    private final List<String> console = new CopyOnWriteArrayList<>();

    @Test
    void pullsLoadsServesAndUnloadsThroughARunningOllama() throws Exception {
        try (VllmSimulator ollama = VllmSimulator.start(FRESH_OLLAMA)) {
            RunningModel model = Engines.forType("ollama").start(candidate(ollama.baseUrl().toString(), "tiny"),
                    context(Map.of()));
            try {
                assertThat(console).anySatisfy(l -> assertThat(l).contains("does not have tiny:latest; pulling it"))
                        .anySatisfy(l -> assertThat(l).contains("ollama pull tiny:latest: pulling manifest"))
                        .anySatisfy(l -> assertThat(l).contains("(100%)"))
                        .anySatisfy(l -> assertThat(l).endsWith(": success"));
                assertThat(model.engine()).isEqualTo("ollama");
                assertThat(model.servedName()).isEqualTo("tiny:latest");
                assertThat(model.engineVersion()).isPresent();
                assertThat(model.process()).isEmpty();
                assertThat(model.dialect()).isEqualTo(ServingDialect.OLLAMA);
                assertThat(model.details()).containsEntry("tools", "true").containsEntry("vision", "false")
                        .containsEntry("sizeBytes", "3300000000").containsEntry("sizeVramBytes", "2100000000")
                        .containsEntry("contextLength", "8192").containsEntry("trainedContextLength", "8192")
                        .containsEntry("architecture", "gemma3");
                assertThat(((OllamaModel) model).processStatus()).hasValue(
                        new OllamaProcessStatus(3_300_000_000L, 2_100_000_000L, 8192));
                assertThat(console).noneSatisfy(l -> assertThat(l).contains("image input"));

                try (ChatClient client = new ChatClient(model.baseUrl(), model.servedName(), Optional.empty(),
                        ClientOptions.DEFAULTS)) {
                    ChatRequest asked = ChatRequest.user("Hello").maxTokens(8)
                            .toolChoice(JsonNodeFactory.instance.textNode("required"));
                    ChatRequest sent = model.dialect().adapt(asked);
                    assertThat(sent.toBody("m", true).has("tool_choice")).isFalse();
                    Completion c = client.stream(sent);
                    assertThat(c.sawDone()).isTrue();
                    assertThat(c.completionTokens()).hasValue(8);
                    // Ollama's dialect: the finish reason comes alone, in a chunk with an empty delta
                    assertThat(c.events().get(c.events().size() - 2).finishReason()).isEqualTo("length");
                    assertThat(c.events().get(c.events().size() - 2).bearsOutput()).isFalse();
                }
            } finally {
                model.close();
            }
            assertThat(model.alive()).isFalse();
            assertThat(((OllamaModel) model).servedName()).isEqualTo("tiny:latest");
            // it loaded the model, so it unloads it; the server is someone else's and keeps running
            try (ChatClient probe = new ChatClient(ollama.baseUrl(), "tiny:latest", Optional.empty(),
                    ClientOptions.DEFAULTS)) {
                assertThat(probe.get("/api/ps").path("models")).isEmpty();
                assertThat(probe.get("/api/version").has("version")).isTrue();
            }
        }
    }

    @Test
    void saysWhenOllamaContradictsTheDeclaredFacts() {
        SimScript vision = FRESH_OLLAMA.toBuilder().ollama(new SimScript.Ollama(1L, 1L,
                List.of("completion", "vision"), "gemma3")).build();
        try (VllmSimulator ollama = VllmSimulator.start(vision)) {
            Engines.forType("ollama").start(candidate(ollama.baseUrl().toString(), "tiny"), context(Map.of())).close();
        }

        assertThat(console).contains("[modelgate] tiny: the candidate declares no image input but Ollama reports"
                + " 'vision' capability for tiny:latest");
    }

    @Test
    void startsOllamaServeWhenNoneAnswersAndStopsItAfterwards() throws Exception {
        Path ollama = Launchers.ollama(dir.resolve("bin"), FRESH_OLLAMA);
        String host = "127.0.0.1:" + Ports.free();

        RunningModel model = Engines.forType("ollama").start(candidate(host, "tiny"),
                context(Map.of(EngineSettings.OLLAMA, ollama.toString())));
        long pid = model.process().orElseThrow().pid();
        try {
            assertThat(console).anySatisfy(l -> assertThat(l).contains("no Ollama at http://" + host + "; starting"))
                    .anySatisfy(l -> assertThat(l).contains("(started by this run)"));
            assertThat(Files.readString(Launchers.calls(dir.resolve("bin")))).isEqualTo("ollama serve\n");
            assertThat(model.alive()).isTrue();
            assertThat(model.log()).isPresent();
        } finally {
            model.close();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(dir.toString())).orElse(false))).isEmpty();
    }

    @Test
    void saysHowToGetOllamaWhenNoneRunsAndNoneIsInstalled() {
        assumeTrue(VllmEngine.onPath("ollama").isEmpty(), "ollama is installed on this machine");
        String host = "127.0.0.1:" + Ports.free();

        assertThatThrownBy(() -> Engines.forType("ollama").start(candidate(host, "tiny"), context(Map.of())))
                .isInstanceOfSatisfying(BootFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(BootFailure.Kind.NOT_INSTALLED);
                    assertThat(e.getMessage()).isEqualTo("tiny: no Ollama answers at http://" + host + " and the"
                            + " ollama executable is not installed. Install it (https://ollama.com/download) or"
                            + " start 'ollama serve', set OLLAMA_HOST if it listens elsewhere, or point"
                            + " -Dmodelgate.ollama=/path/to/ollama at it");
                });
    }

    @Test
    void readsOllamaHostAsOllamaDoes() {
        assertThat(OllamaHost.parse(Optional.empty())).isEqualTo(host("127.0.0.1:11434", "http://127.0.0.1:11434"));
        assertThat(OllamaHost.parse(Optional.of("0.0.0.0"))).isEqualTo(host("0.0.0.0:11434", "http://127.0.0.1:11434"));
        assertThat(OllamaHost.parse(Optional.of(":11500"))).isEqualTo(host("127.0.0.1:11500", "http://127.0.0.1:11500"));
        assertThat(OllamaHost.parse(Optional.of("gpu-box:8080"))).isEqualTo(host("gpu-box:8080", "http://gpu-box:8080"));
        assertThat(OllamaHost.parse(Optional.of("http://gpu-box"))).isEqualTo(host("gpu-box:80", "http://gpu-box:80"));
        assertThat(OllamaHost.parse(Optional.of("https://ollama.example.com/")))
                .isEqualTo(host("ollama.example.com:443", "https://ollama.example.com:443"));
        assertThat(OllamaHost.parse(Optional.of("[::1]:11434"))).isEqualTo(host("[::1]:11434", "http://[::1]:11434"));
    }

    @Test
    void namesTheModelAsOllamaListsIt() {
        assertThat(OllamaEngine.modelTag(candidate("x", "gemma3"))).isEqualTo("gemma3:latest");
        assertThat(OllamaEngine.modelTag(candidate("x", "gemma3:4b"))).isEqualTo("gemma3:4b");
        assertThat(OllamaEngine.modelTag(candidate("x", "hf.co/acme/tiny-GGUF"))).isEqualTo("hf.co/acme/tiny-GGUF:latest");
        assertThat(OllamaEngine.modelTag(candidate("x", "hf.co/acme/tiny-GGUF:Q4_K_M")))
                .isEqualTo("hf.co/acme/tiny-GGUF:Q4_K_M");
    }

    private static OllamaHost host(String bind, String url) {
        return new OllamaHost(bind, java.net.URI.create(url));
    }

    private EngineContext context(Map<String, String> settings) {
        return new EngineContext(Settings.ofMap(settings), dir.resolve("work"), Optional.empty(), line -> {
            console.add(line);
            System.out.println(line);
        });
    }

    private static Candidate candidate(String url, String ollamaModel) {
        EngineSpec spec = new EngineSpec("ollama", null, null, url, null, null, null, null, null, null, ollamaModel,
                null);
        Facts facts = new Facts(null, null, null, null, null, null, null, List.of("text"), null, null);
        return new Candidate("tiny", "tiny", false, List.of(), null, spec, 60, facts, null, null,
                Optional.of(Path.of("models/tiny.yaml")));
    }
}
