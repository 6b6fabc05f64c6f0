package dev.modelgate.measure.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelgate.catalog.Candidate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VllmBudgetTest {

    /** The captured H200's memory.total: 143,771 MiB. */
    static final double H200_GIB = 143771 / 1024.0;

    @Test
    void theMustHaveBecomesTheUtilizationOfTheGpusMemoryRoundedDown() {
        Candidate gemma = Catalogue.candidate("gemma-4-26b-a4b");

        Candidate budgeted = VllmBudget.withBudget(gemma, Catalogue.requirements(), H200_GIB);
        MemoryBudget budget = VllmBudget.budgetOf(gemma, Catalogue.requirements(), H200_GIB).orElseThrow();

        List<String> expected = new ArrayList<>(gemma.engine().args());
        expected.addAll(List.of("--gpu-memory-utilization", "0.1424"));
        assertThat(budgeted.engine().args()).isEqualTo(expected);
        assertThat(budget.gpuMemoryUtilization()).isEqualTo(0.1424);
        assertThat(budget.gib()).isCloseTo(0.1424 * H200_GIB, within(1e-9)).isLessThanOrEqualTo(20);
        assertThat(Gib.round(budget.gib())).isEqualTo(19.99);
        assertThat(budget.origin()).isEqualTo(MemoryBudget.REQUIREMENT);
        assertThat(budget.describe()).isEqualTo("19.99 GiB: --gpu-memory-utilization 0.1424 of 140.40 GiB per GPU × 1"
                + " GPU, set by the harness from the requirement's must-have");
        assertThat(gemma.engine().args()).doesNotContain("--gpu-memory-utilization");
    }

    @Test
    void aSmallerDeclaredVramIsTheCandidatesOwnBudget() {
        Candidate nemotron = Catalogue.candidate("nemotron-3-nano-30b-a3b-nvfp4");

        MemoryBudget budget = VllmBudget.budgetOf(nemotron, Catalogue.requirements(), H200_GIB).orElseThrow();

        assertThat(nemotron.declared().vramGiB()).isEqualTo(18.0);
        assertThat(budget.origin()).isEqualTo(MemoryBudget.DECLARED);
        assertThat(budget.gpuMemoryUtilization()).isEqualTo(0.1282);
        assertThat(VllmBudget.withBudget(nemotron, Catalogue.requirements(), H200_GIB).engine().args())
                .endsWith("--gpu-memory-utilization", "0.1282");
    }

    @Test
    void aCandidatesOwnUtilizationIsKeptAndItsBudgetReported() {
        for (List<String> args : List.of(List.of("--gpu-memory-utilization", "0.5"),
                List.of("--gpu-memory-utilization=0.5"), List.of("--gpu_memory_utilization", "0.5"))) {
            Candidate own = Catalogue.with(Catalogue.candidate("gemma-4-26b-a4b"), "vllm", args);

            assertThat(VllmBudget.withBudget(own, Catalogue.requirements(), H200_GIB)).isSameAs(own);
            MemoryBudget budget = VllmBudget.budgetOf(own, Catalogue.requirements(), H200_GIB).orElseThrow();
            assertThat(budget.origin()).isEqualTo(MemoryBudget.CANDIDATE);
            assertThat(budget.gib()).isCloseTo(H200_GIB / 2, within(1e-9));
        }
    }

    @Test
    void aFixedKvCacheIsKeptAndLeavesNoFixedBudget() {
        Candidate own = Catalogue.with(Catalogue.candidate("gemma-4-26b-a4b"), "vllm",
                List.of("--kv-cache-memory-bytes", "4G"));

        assertThat(VllmBudget.withBudget(own, Catalogue.requirements(), H200_GIB)).isSameAs(own);
        MemoryBudget budget = VllmBudget.budgetOf(own, Catalogue.requirements(), H200_GIB).orElseThrow();
        assertThat(budget.fixed()).isFalse();
        assertThat(budget.describe()).isEqualTo("no fixed budget: --kv-cache-memory-bytes 4G fixes the KV cache only"
                + " (the candidate's own setting, respected); the footprint is judged");
    }

    @Test
    void tensorParallelismSharesTheBudgetOverItsGpus() {
        Candidate tp2 = Catalogue.with(Catalogue.candidate("gemma-4-26b-a4b"), "vllm",
                List.of("--tensor-parallel-size", "2"));

        MemoryBudget budget = VllmBudget.budgetOf(tp2, Catalogue.requirements(), 80).orElseThrow();

        assertThat(budget.gpus()).isEqualTo(2);
        assertThat(budget.gpuMemoryUtilization()).isEqualTo(0.125);
        assertThat(budget.gib()).isEqualTo(20.0);
    }

    @Test
    void tensorParallelOverTwoH200sGivesEachGpuHalfTheShare() {
        Candidate tp2 = Catalogue.with(Catalogue.candidate("gemma-4-26b-a4b"), "vllm",
                List.of("--tensor-parallel-size", "2"));

        MemoryBudget budget = VllmBudget.budgetOf(tp2, Catalogue.requirements(), H200_GIB).orElseThrow();

        // 20 GiB over 2 × 140.4 GiB = 0.071225…, rounded down: vLLM applies the share on each GPU.
        assertThat(budget.gpuMemoryUtilization()).isEqualTo(0.0712);
        assertThat(budget.gib()).isCloseTo(0.0712 * 2 * H200_GIB, within(1e-9)).isLessThanOrEqualTo(20);
        assertThat(VllmBudget.withBudget(tp2, Catalogue.requirements(), H200_GIB).engine().args())
                .containsSequence("--gpu-memory-utilization", "0.0712");
    }

    @Test
    void strictlyBelowStaysBelowAndMoreThanTheCardIsTheWholeCard() {
        Candidate gemma = Catalogue.candidate("gemma-4-26b-a4b");

        MemoryBudget strict = VllmBudget.budgetOf(gemma, Catalogue.withVramMust("< 20"), 40).orElseThrow();
        MemoryBudget whole = VllmBudget.budgetOf(gemma, Catalogue.requirements(), 16).orElseThrow();

        assertThat(strict.gpuMemoryUtilization()).isEqualTo(0.4999);
        assertThat(strict.gib()).isLessThan(20);
        assertThat(whole.gpuMemoryUtilization()).isEqualTo(1.0);
        assertThat(whole.gib()).isEqualTo(16.0);
    }

    @Test
    void noBudgetForOtherEnginesNoVramRequirementOrNoGpu() {
        Candidate gemma = Catalogue.candidate("gemma-4-26b-a4b");
        Candidate ollama = Catalogue.with(gemma, "ollama", List.of());

        assertThat(VllmBudget.budgetOf(ollama, Catalogue.requirements(), H200_GIB)).isEmpty();
        assertThat(VllmBudget.withBudget(ollama, Catalogue.requirements(), H200_GIB)).isSameAs(ollama);
        assertThat(VllmBudget.budgetOf(gemma, Catalogue.withVramMust(null), H200_GIB)).isEmpty();
        assertThat(VllmBudget.budgetOf(gemma, Catalogue.withVramMust(">= 20"), H200_GIB)).isEmpty();
        assertThat(VllmBudget.budgetOf(gemma, Catalogue.requirements(), 0)).isEmpty();
        assertThat(VllmBudget.budgetOf(Catalogue.with(gemma, "vllm-docker", List.of()), Catalogue.requirements(),
                H200_GIB)).isPresent();
    }
}
