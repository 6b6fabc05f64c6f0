package dev.modelgate.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Requirements;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.EngineContext;
import dev.modelgate.engine.ProcessModel;
import dev.modelgate.engine.VllmEngine;
import dev.modelgate.measure.memory.BudgetMode;
import dev.modelgate.measure.memory.CannotMeasure;
import dev.modelgate.measure.memory.Catalogue;
import dev.modelgate.measure.memory.FakeNvidiaSmi;
import dev.modelgate.measure.memory.Fixtures;
import dev.modelgate.measure.memory.LoopbackOpenAiServer;
import dev.modelgate.measure.memory.MemorySettings;
import dev.modelgate.measure.memory.ServerProcesses;
import dev.modelgate.testing.CloseAfterEach;
import dev.modelgate.testing.RecordingEvidence;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VRAM requirement through its real path: budget mode prepares the candidate and the
 * before-boot readings, a real server process tree writes vLLM's start-up log, a real HTTP server
 * on loopback serves the longest-context request, a fake {@code nvidia-smi} prints fixture content
 * with the server's worker pid, and the interface's test method measures, records and judges.
 */
class MemoryRequirementTestsTest {

    static final String MODEL = "gemma-4-26b-a4b";
    private static final String H200_GPUS = Fixtures.text("nvidia-smi/h200-query-gpu-index-total-used.txt");
    private static final String GB10_GPUS = Fixtures.text("nvidia-smi/gb10-query-gpu-index-total-used.txt");

    /** The suite a user writes, reduced to the memory requirement. */
    static final class Suite implements MemoryRequirementTests {
    }

    @TempDir
    Path tmp;

    @RegisterExtension
    final CloseAfterEach open = new CloseAfterEach();

    private LoopbackOpenAiServer openAi() {
        LoopbackOpenAiServer server = LoopbackOpenAiServer.start(MODEL, 4096);
        open.add(server);
        return server;
    }

    /** The server process: prints vLLM's start-up log, then keeps an engine-core child alive. */
    private ProcessModel vllmServer(LoopbackOpenAiServer http, String logFixture, Candidate candidate) {
        ChildProcess child = ChildProcess.start(List.of("sh", "-c", "cat '" + Fixtures.path(logFixture) + "'; "
                + ServerProcesses.script(1)), Map.of(), tmp.resolve("vllm.log"), Duration.ofMillis(100));
        ProcessModel model = new ProcessModel(candidate.id(), "vllm", http.baseUrl(), MODEL, child,
                Duration.ofSeconds(42), Optional.of("0.12.0"), Map.of(), null);
        open.add(model);
        ServerProcesses.awaitChildren(child.handle(), 1);
        return model;
    }

    private ChatClient client(URI base) {
        ChatClient client = new ChatClient(base, MODEL, Optional.empty(), ClientOptions.DEFAULTS);
        open.add(client);
        return client;
    }

    private static long engineCore(ProcessModel model) {
        return ServerProcesses.awaitChildren(model.process().orElseThrow(), 1).get(0).pid();
    }

    private Settings settings(FakeNvidiaSmi smi, Path meminfo) {
        Map<String, String> s = new HashMap<>();
        s.put(MemorySettings.NVIDIA_SMI, smi.executable());
        if (meminfo != null) {
            s.put(MemorySettings.MEMINFO, meminfo.toString());
        }
        return Settings.ofMap(s);
    }

    private Path dir(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    /** The fake nvidia-smi (one per test): what it lists as compute apps, and which GPUs. */
    private FakeNvidiaSmi smi(String computeApps, String gpus) throws IOException {
        return FakeNvidiaSmi.printing(dir("smi"), computeApps, gpus);
    }

    /** The fake nvidia-smi, once the server runs: these compute apps, the first with its engine core's pid. */
    private void listEngineCore(ProcessModel model, String computeApps, String gpus) throws IOException {
        smi(FakeNvidiaSmi.withPid(computeApps, engineCore(model)), gpus);
    }

    private static RecordingEvidence vramEvidence(BudgetMode.Prepared prepared, Requirements requirements) {
        return new RecordingEvidence(prepared.candidate(), requirements.require("vram"));
    }

    /** The interface's vram test against this server, booted as the extension hands it over. */
    private void vram(ProcessModel model, LoopbackOpenAiServer http, BudgetMode.Prepared prepared, Settings settings,
            RecordingEvidence evidence) {
        new Suite().vram(booted(model, client(http.baseUrl()), prepared.boot()), settings, evidence);
    }

    @Test
    void onAnH200TheServerHolds10_51GiBMeasuredByNvidiaSmiWithinItsBudget() throws IOException {
        Requirements requirements = Catalogue.requirements();
        LoopbackOpenAiServer http = openAi();
        FakeNvidiaSmi smi = smi("", H200_GPUS)
                .reserving(Fixtures.text("nvidia-smi/h200-query-gpu-index-reserved.txt"));
        Settings settings = settings(smi, null);
        BudgetMode.Prepared prepared = BudgetMode.prepare(Catalogue.candidate(MODEL), requirements, settings);
        ProcessModel model = vllmServer(http, "vllm/v0.12-single-gpu-ready.log", prepared.candidate());
        listEngineCore(model, Fixtures.capturedComputeApps(), H200_GPUS);
        RecordingEvidence evidence = vramEvidence(prepared, requirements);

        vram(model, http, prepared, settings, evidence);

        assertThat(prepared.candidate().engine().args()).endsWith("--gpu-memory-utilization", "0.143");
        assertThat(evidence.metric("vramGiB")).containsEntry("value", 10.51).containsEntry("method", "nvidia-smi")
                .containsEntry("weightsGiB", 8.22).containsEntry("kvCacheGiB", 9.87)
                .containsEntry("kvCacheTokens", 215_632L).containsEntry("maxConcurrency", 1.65)
                .containsEntry("budgetGiB", 19.99).containsEntry("gpuMemoryUtilization", 0.143)
                .containsEntry("promptTokens", http.promptWords().get(0));
        assertThat(http.promptWords()).singleElement().satisfies(words ->
                assertThat(words).isGreaterThan(4096 / 2).isLessThan(4096 - 16));
        assertThat(evidence.judgement()).isEqualTo(new RecordingEvidence.Judgement("memory budget", 19.99, "must"));
        assertThat(evidence.notes()).contains("footprint 10.51 GiB (nvidia-smi) beside a budget of 19.99 GiB");
        assertThat(evidence.notes().get(0)).isEqualTo("memory budget: 19.99 GiB: --gpu-memory-utilization 0.143 of"
                + " 139.80 GiB per GPU × 1 GPU, set by the harness from the requirement's must-have; GPU memory from"
                + " nvidia-smi memory.total 143771 MiB − memory.reserved 616 MiB = 143155 MiB (the total CUDA reports,"
                + " which vLLM takes its share of)");
        assertThat(evidence.attachments()).containsKey(smi.executable()
                + " --query-compute-apps=pid,used_memory --format=csv,noheader,nounits");
        assertThat(evidence.attachments().get("vLLM memory log lines")).contains("Model loading took 8.2154 GiB");
    }

    @Test
    void onUnifiedMemoryNvidiaSmiSaysNotApplicableAndTheDropOfMemAvailableIsReported() throws IOException {
        Requirements requirements = Catalogue.requirements();
        LoopbackOpenAiServer http = openAi();
        Path meminfo = tmp.resolve("meminfo");
        Files.writeString(meminfo, Fixtures.text("proc/meminfo-gb10-before-boot.txt"));
        FakeNvidiaSmi smi = smi("", GB10_GPUS);
        Settings settings = settings(smi, meminfo);
        BudgetMode.Prepared prepared = BudgetMode.prepare(Catalogue.candidate(MODEL), requirements, settings);
        ProcessModel model = vllmServer(http, "vllm/v0.12-single-gpu-ready.log", prepared.candidate());
        listEngineCore(model, Fixtures.text("nvidia-smi/compute-apps-na.txt"), GB10_GPUS);
        Files.writeString(meminfo, Fixtures.text("proc/meminfo-gb10-ready.txt"));
        RecordingEvidence evidence = vramEvidence(prepared, requirements);

        vram(model, http, prepared, settings, evidence);

        assertThat(prepared.candidate().engine().args()).endsWith("--gpu-memory-utilization", "0.1643");
        Map<String, Object> vram = evidence.metric("vramGiB");
        assertThat(vram).containsEntry("value", 22.5).containsEntry("method", "unified-memory")
                .containsEntry("weightsGiB", 8.22).containsEntry("kvCacheGiB", 9.87).containsEntry("budgetGiB", 19.99);
        assertThat(details(vram)).containsEntry("memAvailableBeforeGiB", 113.07)
                .containsEntry("memAvailableReadyGiB", 90.57).containsEntry("logWeightsPlusKvCacheGiB", 18.09)
                .containsEntry("disagreementGiB", 4.41);
        assertThat(evidence.notes()).contains("nvidia-smi prints memory.total as [N/A] (unified memory: the GPU shares"
                + " system memory): fell back to the unified-memory method");
        assertThat(evidence.notes()).contains("footprint 22.50 GiB (unified-memory) beside a budget of 19.99 GiB: the"
                + " footprint exceeds the budget by 2.51 GiB (memory outside vLLM's accounting)");
        assertThat(evidence.judgement().level()).isEqualTo("must");
    }

    @Test
    void withoutAFixedBudgetTheFootprintIsJudged() throws IOException {
        Requirements requirements = Catalogue.requirements();
        LoopbackOpenAiServer http = openAi();
        FakeNvidiaSmi smi = smi("", H200_GPUS);
        Settings settings = settings(smi, null);
        Candidate own = Catalogue.with(Catalogue.candidate(MODEL), "vllm", List.of("--kv-cache-memory-bytes", "4G"));
        BudgetMode.Prepared prepared = BudgetMode.prepare(own, requirements, settings);
        ProcessModel model = vllmServer(http, "vllm/v0.12-kv-cache-memory-bytes.log", prepared.candidate());
        listEngineCore(model, Fixtures.capturedComputeApps(), H200_GPUS);
        RecordingEvidence evidence = vramEvidence(prepared, requirements);

        vram(model, http, prepared, settings, evidence);

        assertThat(prepared.candidate()).isSameAs(own);
        assertThat(evidence.metric("vramGiB")).containsEntry("value", 10.51).containsEntry("kvCacheGiB", 4.0)
                .doesNotContainKey("budgetGiB");
        assertThat(evidence.judgement()).isEqualTo(new RecordingEvidence.Judgement("memory footprint", 10.51, "nice"));
    }

    @Test
    void aCandidateThatSetsMoreThanTheMustHaveFailsWithItsBudget() throws IOException {
        Requirements requirements = Catalogue.requirements();
        LoopbackOpenAiServer http = openAi();
        FakeNvidiaSmi smi = smi("", H200_GPUS);
        Settings settings = settings(smi, null);
        Candidate greedy = Catalogue.with(Catalogue.candidate(MODEL), "vllm", List.of("--gpu-memory-utilization", "0.9"));
        BudgetMode.Prepared prepared = BudgetMode.prepare(greedy, requirements, settings);
        ProcessModel model = vllmServer(http, "vllm/v0.12-single-gpu-ready.log", prepared.candidate());
        listEngineCore(model, "423, 129000\n", H200_GPUS);
        RecordingEvidence evidence = vramEvidence(prepared, requirements);

        assertThatThrownBy(() -> vram(model, http, prepared, settings, evidence))
                .isInstanceOf(AssertionError.class);
        assertThat(evidence.judgement()).isEqualTo(new RecordingEvidence.Judgement("memory budget", 126.36, "none"));
        assertThat(evidence.metric("vramGiB")).containsEntry("value", 125.98).containsEntry("budgetGiB", 126.36);
    }

    @Test
    void weightsBeyondTheBudgetFailWithTheFiguresFromVllmsLog() throws IOException {
        Requirements requirements = Catalogue.requirements();
        FakeNvidiaSmi smi = smi("", H200_GPUS);
        Path vllm = tmp.resolve("vllm");
        Files.writeString(vllm, "#!/bin/sh\ncat '" + Fixtures.path("vllm/v0.12-weights-exceed-budget.log") + "'\nexit 1\n");
        Files.setPosixFilePermissions(vllm, PosixFilePermissions.fromString("rwxr-xr-x"));
        Settings settings = Settings.ofMap(Map.of(MemorySettings.NVIDIA_SMI, smi.executable(), Settings.VLLM,
                vllm.toString()));
        BudgetMode.Prepared prepared = BudgetMode.prepare(Catalogue.candidate(MODEL), requirements, settings);
        RecordingEvidence evidence = vramEvidence(prepared, requirements);

        BootFailure failure = catchBootFailure(prepared.candidate(), settings);

        assertThat(failure.kind()).isEqualTo(BootFailure.Kind.EXITED);
        assertThat(String.join(" ", failure.getMessage().lines().limit(1).toList()))
                .contains("--gpu-memory-utilization 0.1424");
        assertThatThrownBy(() -> VramCheck.bootFailed(failure, prepared.boot(), evidence))
                .isInstanceOf(AssertionError.class)
                .hasMessage("memory budget: the candidate does not fit within its"
                        + " 19.99 GiB budget: weights 30.41 GiB and activations leave no memory for the KV cache"
                        + " (Available KV cache memory: -11.73 GiB); vLLM: ValueError: No available memory for the"
                        + " cache blocks. Try increasing `gpu_memory_utilization` when initializing the engine. See"
                        + " https://docs.vllm.ai/en/latest/configuration/conserving_memory/ for more details."
                        + " — needs ≤ 20 GiB (must-have)");
        assertThat(evidence.metric("vramGiB")).doesNotContainKey("value").containsEntry("weightsGiB", 30.41)
                .containsEntry("kvCacheGiB", -11.73).containsEntry("budgetGiB", 19.99)
                .containsKey("bootFailure");
        assertThat(evidence.judgement().level()).isEqualTo("none");
    }

    @Test
    void aMachineWithoutTheFreeMemoryOrAnUnrelatedBootFailureIsBrokenNotFailed() throws IOException {
        Requirements requirements = Catalogue.requirements();
        Path busy = tmp.resolve("busy.log");
        Files.writeString(busy, Fixtures.text("vllm/v0.9-free-memory-below-budget.log"));
        Path other = tmp.resolve("other.log");
        Files.writeString(other, "ValueError: unknown tool call parser: gemma5\n");
        RecordingEvidence evidence = new RecordingEvidence(Catalogue.candidate(MODEL), requirements.require("vram"));
        BootFailure unrelated = new BootFailure(BootFailure.Kind.EXITED, "exited", java.util.OptionalInt.of(1),
                Optional.of(other));

        assertThatThrownBy(() -> VramCheck.bootFailed(new BootFailure(BootFailure.Kind.EXITED, "exited",
                java.util.OptionalInt.of(1), Optional.of(busy)), dev.modelgate.measure.memory.BootMemory.none(), evidence))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the machine did not have the memory free that the budget asks for");
        assertThatThrownBy(() -> VramCheck.bootFailed(unrelated, dev.modelgate.measure.memory.BootMemory.none(),
                evidence)).isSameAs(unrelated);
        assertThat(evidence.judgements()).isEmpty();
    }

    @Test
    void aServerErrorOnTheLongRequestFailsTheRequirement() throws IOException {
        Requirements requirements = Catalogue.requirements();
        LoopbackOpenAiServer http = openAi();
        http.failChatWith(500);
        FakeNvidiaSmi smi = smi("", H200_GPUS);
        Settings settings = settings(smi, null);
        BudgetMode.Prepared prepared = BudgetMode.prepare(Catalogue.candidate(MODEL), requirements, settings);
        ProcessModel model = vllmServer(http, "vllm/v0.12-single-gpu-ready.log", prepared.candidate());
        RecordingEvidence evidence = vramEvidence(prepared, requirements);

        assertThatThrownBy(() -> vram(model, http, prepared, settings, evidence))
                .isInstanceOf(AssertionError.class)
                .hasMessage("memory budget: the longest-context request was not served within the memory"
                        + " budget: HTTP 500 (InternalServerError): CUDA error: out of memory — needs ≤ 20 GiB (must-have)");
        assertThat(evidence.metric("vramGiB")).containsEntry("servedLongestRequest", false)
                .containsEntry("weightsGiB", 8.22).doesNotContainKey("value");

        http.failChatWith(400);
        assertThatThrownBy(() -> vram(model, http, prepared, settings, vramEvidence(prepared, requirements)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the longest-context request was rejected (HTTP 400");
    }

    @Test
    void whenNothingCanMeasureTheTestIsBrokenAndNothingIsJudged() throws IOException {
        Requirements requirements = Catalogue.requirements();
        LoopbackOpenAiServer http = openAi();
        FakeNvidiaSmi smi = smi(Fixtures.twoGpuAnswer("idle",
                        "nvidia-smi --query-compute-apps=pid,used_memory --format=csv"),
                H200_GPUS);
        Settings settings = settings(smi, null);
        BudgetMode.Prepared prepared = BudgetMode.prepare(Catalogue.candidate(MODEL), requirements, settings);
        ProcessModel model = vllmServer(http, "vllm/v0.12-single-gpu-ready.log", prepared.candidate());
        RecordingEvidence evidence = vramEvidence(prepared, requirements);

        assertThatThrownBy(() -> vram(model, http, prepared, settings, evidence))
                .isInstanceOf(CannotMeasure.class)
                .hasMessageStartingWith("cannot measure: nvidia-smi lists no compute process of the process tree of"
                        + " pid " + model.process().get().pid());
        assertThat(evidence.judgements()).isEmpty();
        assertThat(evidence.metric("vramGiB")).doesNotContainKey("value").doesNotContainKey("method")
                .containsEntry("budgetGiB", 19.99).containsEntry("weightsGiB", 8.22)
                .hasEntrySatisfying("unmeasured", v -> assertThat(v.toString()).startsWith("cannot measure: "));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> vram) {
        return (Map<String, Object>) vram.get("details");
    }

    private BootFailure catchBootFailure(Candidate candidate, Settings settings) {
        try {
            new VllmEngine().start(candidate, new EngineContext(settings, tmp.resolve("work"), Optional.empty(), s -> { }))
                    .close();
        } catch (BootFailure e) {
            return e;
        }
        throw new AssertionError("the fake vllm was expected to fail its boot");
    }

    /** A boot that succeeded, as the extension hands it to the vram test. */
    private static dev.modelgate.Boot booted(dev.modelgate.engine.RunningModel model, ChatClient client,
                                             dev.modelgate.measure.memory.BootMemory memory) {
        return new dev.modelgate.Boot() {
            @Override
            public java.util.Optional<dev.modelgate.engine.BootFailure> failure() {
                return java.util.Optional.empty();
            }

            @Override
            public dev.modelgate.engine.RunningModel model() {
                return model;
            }

            @Override
            public ChatClient client() {
                return client;
            }

            @Override
            public dev.modelgate.measure.memory.BootMemory memory() {
                return memory;
            }
        };
    }
}
