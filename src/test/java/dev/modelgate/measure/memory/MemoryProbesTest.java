package dev.modelgate.measure.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modelgate.catalog.Settings;
import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.ProcessModel;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.testing.CloseAfterEach;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes through their real path: real server processes, a fake {@code nvidia-smi} printing
 * fixture content with those processes' ids, real {@code /proc}, real HTTP on loopback.
 */
class MemoryProbesTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final CloseAfterEach open = new CloseAfterEach();

    /**
     * A server process tree: a {@code sh} root whose {@code workers} children stand for the engine
     * core. On TERM the root waits for its children, so that none is left for init to reap.
     */
    private ProcessModel server(String engine, int workers, Map<String, String> details) {
        ChildProcess child = ChildProcess.start(List.of("sh", "-c", ServerProcesses.script(workers)), Map.of(),
                tmp.resolve("server.log"), Duration.ofMillis(100));
        ProcessModel model = new ProcessModel("gemma-4-26b-a4b", engine, URI.create("http://127.0.0.1:1"),
                "gemma-4-26b-a4b", child, Duration.ofSeconds(1), Optional.empty(), details, null);
        open.add(model);
        ServerProcesses.awaitChildren(child.handle(), workers);
        return model;
    }

    /** An Ollama stand-in on loopback answering {@code /api/ps} with this fixture. */
    private LoopbackOpenAiServer ollama(String servedName, String apiPsFixture) {
        LoopbackOpenAiServer ollama = open.add(LoopbackOpenAiServer.start(servedName, 4096));
        ollama.answerApiPs(Fixtures.text(apiPsFixture));
        return ollama;
    }

    /** A model served by that stand-in, with a live process of its own. */
    private RunningModel ollamaModel(String id, LoopbackOpenAiServer ollama, String servedName) {
        return open.add(new ProcessModel(id, "ollama", ollama.baseUrl(), servedName,
                ChildProcess.start(List.of("sleep", "30"), Map.of(), tmp.resolve("o.log"), Duration.ofMillis(100)),
                Duration.ZERO, Optional.empty(), Map.of(), null));
    }

    private static List<Long> workerPids(RunningModel model) {
        return model.process().orElseThrow().children().map(ProcessHandle::pid).sorted().toList();
    }

    private Settings settings(FakeNvidiaSmi smi, Map<String, String> more) {
        Map<String, String> s = new HashMap<>(more);
        s.put(MemorySettings.NVIDIA_SMI, smi.executable());
        return Settings.ofMap(s);
    }

    /** Measures on GB10 unified memory: MemAvailable from the before-boot fixture to the ready one. */
    private MemoryReading measureOnGb10(FakeNvidiaSmi smi, RunningModel model, VllmMemoryFigures vllm) {
        Settings settings = settings(smi, Map.of(MemorySettings.MEMINFO,
                Fixtures.path("proc/meminfo-gb10-ready.txt").toString()));
        return new MemoryProbes(settings).measure(model, before("proc/meminfo-gb10-before-boot.txt"), vllm);
    }

    private static BootMemory before(String meminfoFixture) {
        return new BootMemory(Optional.of(MemInfo.parse(Fixtures.text(meminfoFixture))), OptionalLong.empty(),
                Optional.empty(), "");
    }

    @Test
    void capturedH200FigureForTheEngineCoreReadsAs10_51GiB() {
        ProcessModel model = server("vllm", 1, Map.of());
        long engineCore = workerPids(model).get(0);
        String apps = FakeNvidiaSmi.withPid(Fixtures.capturedComputeApps(), engineCore) + "977, 5000\n";
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, apps,
                Fixtures.text("nvidia-smi/h200-query-gpu-index-total-used.txt"));

        MemoryReading r = new MemoryProbes(settings(smi, Map.of())).measure(model, BootMemory.none(),
                VllmMemoryLog.parse(Fixtures.text("vllm/v0.12-single-gpu-ready.log")));

        assertThat(r.method()).isEqualTo("nvidia-smi");
        assertThat(r.value()).isEqualTo(10.51);
        assertThat(r.details()).containsEntry("usedMiB", 10758.0).containsEntry("logWeightsPlusKvCacheGiB", 18.09);
        assertThat(r.notes()).anyMatch(n -> n.contains("10758 MiB = 10.51 GiB"));
        assertThat(smi.calls()).containsExactly(
                "--query-gpu=index,memory.total,memory.used --format=csv,noheader,nounits",
                "--query-compute-apps=pid,used_memory --format=csv,noheader,nounits");
        assertThat(r.outputs()).containsEntry(smi.executable()
                + " --query-compute-apps=pid,used_memory --format=csv,noheader,nounits", apps);
    }

    /**
     * The two-GPU capture: process B (605) held 2 GiB on GPU 0, its child C (718) 4 GiB on GPU 1 and
     * a CUDA context on GPU 0; A (604) and D (606) are other processes. The fake reports B as this
     * server's root and C as its worker: 2,566 + 518 + 4,614 MiB = 7,698 MiB (6 GiB of tensors and
     * three CUDA contexts of 518 MiB).
     */
    @Test
    void severalProcessesOnSeveralGpusAreSummedOverTheTreeOthersLeftOut() {
        ProcessModel model = server("vllm", 1, Map.of());
        long root = model.process().get().pid();
        long worker = workerPids(model).get(0);
        String apps = Fixtures.twoGpuAnswer("holding", NvidiaSmiCsvTest.COMPUTE_APPS)
                .replaceAll("(?m)^605,", root + ",").replaceAll("(?m)^718,", worker + ",");
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, apps, Fixtures.twoGpuAnswer("holding", NvidiaSmiCsvTest.GPUS));

        MemoryReading r = new MemoryProbes(settings(smi, Map.of())).measure(model, BootMemory.none(),
                VllmMemoryFigures.NONE);

        assertThat(r.method()).isEqualTo("nvidia-smi");
        assertThat(r.details()).containsEntry("usedMiB", 7698.0);
        assertThat(r.gib()).isEqualTo(7698 / 1024.0);
        assertThat(r.value()).isEqualTo(7.52);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("nvidia-smi used_memory summed over 3 process row(s)"));
    }

    @Test
    void notApplicableFallsBackToTheUnifiedMemoryMethodAndSaysSo() {
        ProcessModel model = server("vllm", 1, Map.of());
        String apps = FakeNvidiaSmi.withPid(Fixtures.text("nvidia-smi/compute-apps-na.txt"), workerPids(model).get(0));
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, apps,
                Fixtures.text("nvidia-smi/gb10-query-gpu-index-total-used.txt"));
        MemoryReading r = measureOnGb10(smi, model, VllmMemoryLog.parse(Fixtures.text("vllm/v0.12-single-gpu-ready.log")));

        assertThat(r.method()).isEqualTo("unified-memory");
        assertThat(r.value()).isEqualTo(22.5);
        assertThat(r.notes().get(0)).isEqualTo("nvidia-smi prints memory.total as [N/A] (unified memory: the GPU"
                + " shares system memory): fell back to the unified-memory method");
        assertThat(r.details()).containsEntry("logWeightsPlusKvCacheGiB", 18.09)
                .containsEntry("disagreementGiB", 4.41).containsEntry("disagreementPercent", 24.41)
                .doesNotContainKey("nvidiaSmiPerProcessGiB");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("vLLM's log says weights 8.22 GiB + KV cache 9.87 GiB ="
                + " 18.09 GiB; the drop is 4.41 GiB (24.41 %) more"));
    }

    @Test
    void onUnifiedMemoryThePerProcessFigureIsReportedBesideTheDrop() {
        ProcessModel model = server("vllm", 1, Map.of());
        String apps = FakeNvidiaSmi.withPid(Fixtures.capturedComputeApps(), workerPids(model).get(0));
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, apps, Fixtures.text("nvidia-smi/gb10-query-gpu-header.txt"));
        MemoryReading r = measureOnGb10(smi, model, VllmMemoryFigures.NONE);

        assertThat(r.method()).isEqualTo("unified-memory");
        assertThat(r.value()).isEqualTo(22.5);
        assertThat(r.details()).containsEntry("nvidiaSmiPerProcessGiB", 10.51);
    }

    /**
     * GB10: the GPU's memory reads [N/A], but the worker's row still carries its used_memory; the
     * server's root process, whose row reads [N/A], must not make the worker's figure disappear.
     */
    @Test
    void onGb10ThePerProcessFigureStandsBesideTheDropWithTheDifference() {
        ProcessModel model = server("vllm", 1, Map.of());
        long root = model.process().get().pid();
        String apps = FakeNvidiaSmi.withPid(Fixtures.text("nvidia-smi/compute-apps-na.txt"), root)
                + FakeNvidiaSmi.withPid(Fixtures.capturedComputeApps(), workerPids(model).get(0));
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, apps,
                Fixtures.text("nvidia-smi/gb10-query-gpu-index-total-used.txt"));
        MemoryReading r = measureOnGb10(smi, model, VllmMemoryFigures.NONE);

        assertThat(r.method()).isEqualTo("unified-memory");
        assertThat(r.value()).isEqualTo(22.5);
        assertThat(r.details()).containsEntry("nvidiaSmiPerProcessGiB", 10.51)
                .containsEntry("perProcessDifferenceGiB", 11.99).containsEntry("nvidiaSmiRowsWithoutFigure", 1);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("nvidia-smi's per-process used_memory sums to 10.51 GiB"
                + " (GPU allocations only; 1 of the server's 2 rows had no figure); the MemAvailable drop is 11.99 GiB"
                + " more"));
    }

    @Test
    void unifiedMemoryWithoutABeforeBootReadingCannotMeasure() {
        ProcessModel model = server("vllm", 1, Map.of());
        String apps = FakeNvidiaSmi.withPid(Fixtures.text("nvidia-smi/compute-apps-not-supported.txt"),
                workerPids(model).get(0));
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, apps,
                Fixtures.text("nvidia-smi/gb10-query-gpu-index-total-used.txt"));

        assertThatThrownBy(() -> new MemoryProbes(settings(smi, Map.of())).measure(model, BootMemory.none(),
                VllmMemoryFigures.NONE))
                .isInstanceOf(CannotMeasure.class)
                .hasMessage("cannot measure: nvidia-smi prints memory.total as [N/A] (unified memory: the GPU shares"
                        + " system memory), and no MemAvailable reading was taken before boot (BootMemory.beforeBoot"
                        + " is empty; the harness takes it with BootMemory.takeBeforeBoot just before boot)");
    }

    @Test
    void unifiedMemoryWithoutABeforeBootReadingUsesThePerProcessFigureAndSaysWhatIsMissing() {
        ProcessModel model = server("vllm", 1, Map.of());
        String apps = FakeNvidiaSmi.withPid(Fixtures.capturedComputeApps(), workerPids(model).get(0));
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, apps,
                Fixtures.text("nvidia-smi/gb10-query-gpu-index-total-used.txt"));

        MemoryReading r = new MemoryProbes(settings(smi, Map.of())).measure(model, BootMemory.none(),
                VllmMemoryFigures.NONE);

        assertThat(r.method()).isEqualTo("nvidia-smi");
        assertThat(r.value()).isEqualTo(10.51);
        assertThat(r.notes().get(0)).contains("CPU-side memory of the server is not in it");
    }

    @Test
    void memoryThatRoseInsteadOfDroppingCannotBeAttributed() {
        ProcessModel model = server("vllm", 1, Map.of());
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, "", Fixtures.text("nvidia-smi/gb10-query-gpu-index-total-used.txt"));
        Settings settings = settings(smi, Map.of(MemorySettings.MEMINFO,
                Fixtures.path("proc/meminfo-gb10-before-boot.txt").toString()));

        assertThatThrownBy(() -> new MemoryProbes(settings).measure(model, before("proc/meminfo-gb10-ready.txt"),
                VllmMemoryFigures.NONE))
                .isInstanceOf(CannotMeasure.class)
                .hasMessageContaining("MemAvailable did not drop between before boot (90.57 GiB) and ready (113.07 GiB)");
    }

    @Test
    void aGpuThatListsNoneOfTheServersProcessesCannotMeasureAndSaysWhatItLists() {
        ProcessModel model = server("vllm", 1, Map.of());
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, Fixtures.capturedComputeApps(),
                Fixtures.text("nvidia-smi/h200-query-gpu-index-total-used.txt"));

        assertThatThrownBy(() -> new MemoryProbes(settings(smi, Map.of())).measure(model, BootMemory.none(),
                VllmMemoryFigures.NONE))
                .isInstanceOf(CannotMeasure.class)
                .hasMessageStartingWith("cannot measure: nvidia-smi lists no compute process of the process tree of pid "
                        + model.process().get().pid())
                .hasMessageContaining("it lists pid 423 (10758 MiB)");
    }

    @Test
    void notApplicableOnADiscreteGpuIsNotReplacedBySystemMemory() {
        ProcessModel model = server("vllm", 1, Map.of());
        String apps = FakeNvidiaSmi.withPid(Fixtures.text("nvidia-smi/compute-apps-na.txt"), workerPids(model).get(0));
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, apps,
                Fixtures.text("nvidia-smi/h200-query-gpu-index-total-used.txt"));

        assertThatThrownBy(() -> new MemoryProbes(settings(smi, Map.of())).measure(model,
                before("proc/meminfo-gb10-before-boot.txt"), VllmMemoryFigures.NONE))
                .isInstanceOf(CannotMeasure.class)
                .hasMessageContaining("prints their used_memory as [N/A] while the GPU reports its memory (143771 MiB)");
    }

    @Test
    void aMissingOrFailingNvidiaSmiCannotMeasure() {
        ProcessModel model = server("vllm", 1, Map.of());
        Settings missing = Settings.ofMap(Map.of(MemorySettings.NVIDIA_SMI, tmp.resolve("absent").toString()));
        FakeNvidiaSmi failing = FakeNvidiaSmi.failing(tmp);

        assertThatThrownBy(() -> new MemoryProbes(missing).measure(model, BootMemory.none(), VllmMemoryFigures.NONE))
                .isInstanceOf(CannotMeasure.class).hasMessageStartingWith("cannot measure: cannot run nvidia-smi");
        assertThatThrownBy(() -> new MemoryProbes(settings(failing, Map.of())).measure(model, BootMemory.none(),
                VllmMemoryFigures.NONE))
                .isInstanceOf(CannotMeasure.class)
                .hasMessageContaining("exited with status 9: NVIDIA-SMI has failed because it couldn't communicate");
    }

    @Test
    void aContainersProcessesComeFromDockerTop() throws IOException {
        ProcessModel model = server("vllm-docker", 2, Map.of(MemoryProbes.CONTAINER, "modelgate-gemma"));
        List<Long> pids = workerPids(model);
        Path docker = tmp.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n[ \"$1 $2 $3 $4\" = \"top modelgate-gemma -eo pid\" ] || exit 3\n"
                + "printf 'PID\\n" + pids.get(0) + "\\n" + pids.get(1) + "\\n'\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        String apps = pids.get(0) + ", 20000\n" + pids.get(1) + ", 1000\n" + model.process().get().pid() + ", 3\n";
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, apps, Fixtures.twoGpuAnswer("holding", NvidiaSmiCsvTest.GPUS));

        MemoryReading r = new MemoryProbes(settings(smi, Map.of(MemorySettings.DOCKER, docker.toString())))
                .measure(model, BootMemory.none(), VllmMemoryFigures.NONE);

        assertThat(r.details()).containsEntry("usedMiB", 21000.0)
                .containsEntry("scope", "the processes of container modelgate-gemma");
        assertThatThrownBy(() -> new MemoryProbes(settings(smi, Map.of())).measure(server("vllm-docker", 1, Map.of()),
                BootMemory.none(), VllmMemoryFigures.NONE))
                .hasMessageContaining("names no container");
    }

    @Test
    void ollamaReportsSizeVramOfTheServedModel() {
        LoopbackOpenAiServer ollama = ollama("gemma3", "ollama/api-ps-docs-example.json");
        RunningModel model = ollamaModel("gemma3", ollama, "gemma3");

        MemoryReading r = new MemoryProbes(Settings.ofMap(Map.of())).measure(model, BootMemory.none(),
                VllmMemoryFigures.NONE);

        assertThat(r.method()).isEqualTo("ollama-api-ps");
        assertThat(r.gib()).isEqualTo(5_333_539_264L / 1073741824.0);
        assertThat(r.value()).isEqualTo(4.97);
        assertThat(r.details()).containsEntry("sizeGiB", 6.14).containsEntry("contextLength", 4096);
        assertThat(r.notes().get(0)).contains("1.17 GiB in system memory");
    }

    @Test
    void ollamaWithoutTheModelLoadedOrHeldInSystemMemory() {
        LoopbackOpenAiServer ollama = ollama("qwen3:30b-a3b", "ollama/api-ps-two-models-no-context.json");
        RunningModel cpu = ollamaModel("q", ollama, "qwen3:30b-a3b");
        MemoryProbes probes = new MemoryProbes(Settings.ofMap(Map.of()));

        MemoryReading r = probes.measure(cpu, BootMemory.none(), VllmMemoryFigures.NONE);
        assertThat(r.gib()).isEqualTo(20_906_369_024L / 1073741824.0);
        assertThat(r.notes().get(0)).contains("entirely in system memory (size_vram 0)");

        ollama.answerApiPs(Fixtures.text("ollama/api-ps-empty.json"));
        assertThatThrownBy(() -> probes.measure(cpu, BootMemory.none(), VllmMemoryFigures.NONE))
                .hasMessageStartingWith("cannot measure: Ollama's /api/ps lists no loaded model 'qwen3:30b-a3b'; loaded:"
                        + " none");
    }

    @Test
    void aChildEngineWithoutGpuIsItsTreesResidentSet() throws Exception {
        ProcessModel model = server("llamacpp", 2, Map.of());
        long expected = 0;
        for (long pid : ProcessScope.tree(model.process().get()).pids()) {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", String.valueOf(pid)).start();
            expected += Long.parseLong(new String(ps.getInputStream().readAllBytes()).trim());
        }

        MemoryReading r = new MemoryProbes(Settings.ofMap(Map.of())).measure(model, BootMemory.none(),
                VllmMemoryFigures.NONE);

        assertThat(r.method()).isEqualTo("process-rss");
        assertThat(r.gib()).isEqualTo(Gib.ofKiB(expected));
    }

    @Test
    void anEngineInsideThisJvmIsItsResidentSetGrowth() {
        BootMemory boot = BootMemory.takeBeforeBoot(Settings.ofMap(Map.of()), Optional.empty(), "");
        ByteBuffer weights = ByteBuffer.allocateDirect(256 << 20);
        for (int i = 0; i < weights.capacity(); i += 4096) {
            weights.put(i, (byte) 1);
        }

        MemoryReading r = new MemoryProbes(Settings.ofMap(Map.of())).measure(InProcessModel.of("llamacpp"), boot,
                VllmMemoryFigures.NONE);

        assertThat(r.method()).isEqualTo("process-rss");
        assertThat(r.gib()).isCloseTo(0.25, within(0.2));
        assertThat(weights.get(4096)).isEqualTo((byte) 1);
        assertThatThrownBy(() -> new MemoryProbes(Settings.ofMap(Map.of())).measure(InProcessModel.of("llamacpp"),
                BootMemory.none(), VllmMemoryFigures.NONE))
                .hasMessageContaining("no VmRSS reading was taken before boot");
    }

    @Test
    void anExternalServerCannotBeMeasured() {
        assertThatThrownBy(() -> new MemoryProbes(Settings.ofMap(Map.of())).measure(InProcessModel.of("external"),
                BootMemory.none(), VllmMemoryFigures.NONE))
                .isInstanceOf(CannotMeasure.class)
                .hasMessageStartingWith("cannot measure: the server at http://127.0.0.1:1 runs elsewhere");
    }
}
