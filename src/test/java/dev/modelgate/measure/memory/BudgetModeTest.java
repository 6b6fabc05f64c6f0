package dev.modelgate.measure.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetModeTest {

    @TempDir
    Path tmp;

    @Test
    void twoGpusGiveTheSmallerCardsMemory() {
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, "", "0, 143771, 0\n1, 81559, 0\n");

        MachineMemory m = MachineMemory.detect(Settings.ofMap(Map.of(MemorySettings.NVIDIA_SMI, smi.executable())))
                .orElseThrow();

        assertThat(m.gpus()).isEqualTo(2);
        assertThat(m.gpuTotalGiB()).isEqualTo(81559 / 1024.0);
        assertThat(m.unified()).isFalse();
        assertThat(m.source()).isEqualTo("nvidia-smi memory.total 81559 MiB (memory.reserved not reported: the share"
                + " is taken of the whole card, so vLLM gets slightly less)");
    }

    /** On an H100 80GB nvidia-smi printed 81,559 MiB total, 480 reserved; PyTorch's CUDA total was 81,079 MiB. */
    @Test
    void theShareIsOfWhatCudaReportsTotalLessReserved() {
        String captured = Fixtures.text("nvidia-smi/h100-query-gpu-name-total-reserved.txt");
        List<java.util.Map<String, String>> row = NvidiaSmiCsv.parse(captured, List.of("name", "memory.total",
                "memory.reserved"));
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, "", "0, " + row.get(0).get("memory.total") + ", 0\n")
                .reserving("0, " + row.get(0).get("memory.reserved") + "\n");

        MachineMemory m = MachineMemory.detect(Settings.ofMap(Map.of(MemorySettings.NVIDIA_SMI, smi.executable())))
                .orElseThrow();

        assertThat(m.gpuTotalGiB()).isEqualTo(81079 / 1024.0);
        assertThat(m.source()).isEqualTo("nvidia-smi memory.total 81559 MiB − memory.reserved 480 MiB = 81079 MiB"
                + " (the total CUDA reports, which vLLM takes its share of)");
        assertThat(smi.calls()).contains("--query-gpu=index,memory.reserved --format=csv,noheader,nounits");
    }

    @Test
    void theDerivedH200ReservedFigureIsTheCapturedXmls() {
        String xml = Fixtures.text("nvidia-smi/h200-10gib-python-q.xml");
        String inXml = xml.replaceAll("(?s).*<fb_memory_usage>\\s*<total>[^<]*</total>\\s*<reserved>(\\d+) MiB</reserved>.*",
                "$1");

        assertThat(Fixtures.text("nvidia-smi/h200-query-gpu-index-reserved.txt")).isEqualTo("0, " + inXml + "\n");
    }

    @Test
    void unifiedMemoryIsMemTotal() {
        FakeNvidiaSmi smi = FakeNvidiaSmi.printing(tmp, "", Fixtures.text("nvidia-smi/gb10-query-gpu-index-total-used.txt"));
        Path meminfo = Fixtures.path("proc/meminfo-gb10-before-boot.txt");

        MachineMemory m = MachineMemory.detect(Settings.ofMap(Map.of(MemorySettings.NVIDIA_SMI, smi.executable(),
                MemorySettings.MEMINFO, meminfo.toString()))).orElseThrow();

        assertThat(m.unified()).isTrue();
        assertThat(m.gpuTotalGiB()).isEqualTo(127600748 / 1048576.0);
    }

    @Test
    void withoutNvidiaSmiTheCandidateBootsUnchangedAndTheNoteSaysWhy() {
        Candidate gemma = Catalogue.candidate("gemma-4-26b-a4b");
        Settings settings = Settings.ofMap(Map.of(MemorySettings.NVIDIA_SMI, tmp.resolve("absent").toString()));

        BudgetMode.Prepared p = BudgetMode.prepare(gemma, Catalogue.requirements(), settings);

        assertThat(p.candidate()).isSameAs(gemma);
        assertThat(p.boot().budget()).isEmpty();
        assertThat(p.boot().budgetNote()).startsWith("booted without a memory budget: no GPU memory total");
        assertThat(p.boot().beforeBoot()).isPresent();
        assertThat(p.boot().jvmRssBeforeBootKiB()).isPresent();
    }

    @Test
    void otherEnginesTakeNoBudgetButGetTheirReadings() {
        Candidate ollama = Catalogue.with(Catalogue.candidate("gemma-4-26b-a4b"), "ollama", List.of());

        BudgetMode.Prepared p = BudgetMode.prepare(ollama, Catalogue.requirements(), Settings.ofMap(Map.of()));

        assertThat(p.candidate()).isSameAs(ollama);
        assertThat(p.boot().budgetNote()).isEqualTo("engine 'ollama' takes no memory budget: its footprint is judged");
        assertThat(p.boot().beforeBoot()).isPresent();
    }
}
