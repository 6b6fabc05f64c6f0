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
        assertThat(m.source()).isEqualTo("nvidia-smi memory.total 81559 MiB");
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
