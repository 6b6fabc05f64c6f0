package dev.modelgate.measure.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NvidiaSmiCsvTest {

    @Test
    void capturedH200AnswerReadsAs10758MiBWhichIs10_51GiB() {
        List<ComputeApp> apps = ComputeApp.parse(Fixtures.capturedComputeApps());

        assertThat(apps).hasSize(1);
        assertThat(apps.get(0).pid()).isEqualTo(423);
        assertThat(apps.get(0).usedMiB()).hasValue(10758);
        assertThat(Gib.round(Gib.ofMiB(apps.get(0).usedMiB().getAsDouble()))).isEqualTo(10.51);
    }

    @Test
    void capturedAnswerWithHeaderAndUnitsReadsTheSame() {
        String withHeader = Fixtures.capturedH200Answers()
                .get("nvidia-smi --query-compute-apps=pid,process_name,used_memory --format=csv");

        List<Map<String, String>> rows = NvidiaSmiCsv.parse(withHeader, List.of("pid", "process_name", "used_memory"));

        assertThat(rows).containsExactly(Map.of("pid", "423", "process_name", "python3", "used_memory", "10758 MiB"));
        assertThat(NvidiaSmiCsv.number(rows.get(0).get("used_memory"))).hasValue(10758);
    }

    @Test
    void capturedH200GpuAnswerGivesTheCardsTotal() {
        String answer = Fixtures.capturedH200Answers().get(
                "nvidia-smi --query-gpu=index,name,memory.total,memory.used,memory.free --format=csv,noheader,nounits");

        List<GpuMemory> gpus = GpuMemory.parse(answer, List.of("index", "name", "memory.total", "memory.used",
                "memory.free"));

        assertThat(gpus).singleElement().satisfies(g -> {
            assertThat(g.index()).isZero();
            assertThat(g.totalMiB()).hasValue(143771);
            assertThat(g.usedMiB()).hasValue(10767);
        });
        assertThat(GpuMemory.unified(gpus)).isFalse();
        assertThat(GpuMemory.parse(Fixtures.text("nvidia-smi/h200-query-gpu-index-total-used.txt"))).isEqualTo(gpus);
    }

    @Test
    void gb10AnswersNotApplicableForMemoryWhichMeansUnified() {
        List<GpuMemory> quoted = GpuMemory.parse(Fixtures.text("nvidia-smi/gb10-query-gpu-public-report.txt"),
                List.of("index", "name", "memory.total", "memory.used", "memory.free"));
        List<GpuMemory> ours = GpuMemory.parse(Fixtures.text("nvidia-smi/gb10-query-gpu-index-total-used.txt"));
        List<GpuMemory> withHeader = GpuMemory.parse(Fixtures.text("nvidia-smi/gb10-query-gpu-header.txt"));

        for (List<GpuMemory> gpus : List.of(quoted, ours, withHeader)) {
            assertThat(gpus).singleElement().satisfies(g -> {
                assertThat(g.totalMiB()).isEmpty();
                assertThat(g.totalAsPrinted()).isEqualTo("[N/A]");
            });
            assertThat(GpuMemory.unified(gpus)).isTrue();
        }
    }

    @Test
    void notApplicableAndNotSupportedAreNoNumberButKeepThePrintedForm() {
        ComputeApp na = ComputeApp.parse(Fixtures.text("nvidia-smi/compute-apps-na.txt")).get(0);
        ComputeApp ns = ComputeApp.parse(Fixtures.text("nvidia-smi/compute-apps-not-supported.txt")).get(0);

        assertThat(na.pid()).isEqualTo(423);
        assertThat(na.usedMiB()).isEmpty();
        assertThat(na.usedAsPrinted()).isEqualTo("[N/A]");
        assertThat(ns.usedMiB()).isEmpty();
        assertThat(ns.usedAsPrinted()).isEqualTo("[Not Supported]");
        assertThat(NvidiaSmiCsv.number("N/A")).isEmpty();
        assertThat(NvidiaSmiCsv.number("Not Supported")).isEmpty();
    }

    static final String COMPUTE_APPS = "nvidia-smi --query-compute-apps=pid,used_memory --format=csv,noheader,nounits";
    static final String COMPUTE_APPS_HEADER = "nvidia-smi --query-compute-apps=pid,used_memory --format=csv";
    static final String GPUS = "nvidia-smi --query-gpu=index,memory.total,memory.used --format=csv,noheader,nounits";
    static final String GPUS_HEADER = "nvidia-smi --query-gpu=index,memory.total,memory.used --format=csv";

    @Test
    void noProcessesIsAnEmptyListWithOrWithoutHeader() {
        assertThat(Fixtures.twoGpuAnswer("idle", COMPUTE_APPS)).isEmpty();
        assertThat(Fixtures.twoGpuAnswer("idle", COMPUTE_APPS_HEADER)).isEqualTo("pid, used_gpu_memory [MiB]\n");

        assertThat(ComputeApp.parse(Fixtures.twoGpuAnswer("idle", COMPUTE_APPS))).isEmpty();
        assertThat(ComputeApp.parse(Fixtures.twoGpuAnswer("idle", COMPUTE_APPS_HEADER))).isEmpty();
        assertThat(ComputeApp.parse("No running processes found\n")).isEmpty();
    }

    @Test
    void severalProcessesOnTwoGpusAreOneRowPerProcessAndGpu() {
        List<ComputeApp> plain = ComputeApp.parse(Fixtures.twoGpuAnswer("holding", COMPUTE_APPS));
        List<ComputeApp> headed = ComputeApp.parse(Fixtures.twoGpuAnswer("holding", COMPUTE_APPS_HEADER));

        assertThat(plain).extracting(ComputeApp::pid).containsExactly(605L, 606L, 604L, 718L, 606L, 718L);
        assertThat(plain).extracting(a -> a.usedMiB().getAsDouble())
                .containsExactly(2566.0, 1542.0, 10758.0, 518.0, 3590.0, 4614.0);
        assertThat(headed).extracting(ComputeApp::pid, ComputeApp::usedMiB)
                .isEqualTo(plain.stream().map(a -> org.assertj.core.groups.Tuple.tuple(a.pid(), a.usedMiB())).toList());
        assertThat(headed.get(0).usedAsPrinted()).isEqualTo("2566 MiB");
    }

    @Test
    void twoGpusWithAndWithoutUnits() {
        List<GpuMemory> idle = GpuMemory.parse(Fixtures.twoGpuAnswer("idle", GPUS));
        List<GpuMemory> holding = GpuMemory.parse(Fixtures.twoGpuAnswer("holding", GPUS_HEADER));

        assertThat(idle).extracting(GpuMemory::index).containsExactly(0, 1);
        assertThat(idle).allSatisfy(g -> assertThat(g.totalMiB()).hasValue(143771));
        assertThat(holding).extracting(g -> g.usedMiB().getAsDouble()).containsExactly(15410.0, 8219.0);
        assertThat(GpuMemory.unified(holding)).isFalse();
    }

    @Test
    void aLineWithTheWrongNumberOfCellsNamesTheLineAndTheExpectedFields() {
        assertThatThrownBy(() -> ComputeApp.parse("423, python3, 10758\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nvidia-smi output line 1 \"423, python3, 10758\" has 3 cells; expected 2 (pid, used_memory)");
    }
}
