package dev.modelgate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Candidate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result file is replaced whole or not at all: a reader (the verdict, a resumed run, a person
 * after a crash) never sees half of one, however often it is rewritten, and no temporary file is
 * left beside it.
 */
class ResultStoreTest {

    @TempDir
    Path tmp;

    @Test
    void aReaderNeverSeesAHalfWrittenResult() throws Exception {
        ResultStore store = new ResultStore(tmp);
        CandidateResult result = CandidateResult.start(Candidate.adHoc("big"), "sha256:x");
        for (int i = 0; i < 400; i++) {
            result.metric("figure" + i, Map.of("p50", i, "n", 20, "note", "x".repeat(200)));
        }
        store.write(result);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                result.requirement("ttft", RequirementOutcome.judged(null, writes.incrementAndGet(), null, null, null, null, null)
                        .updatedBy(RequirementOutcome.ended(Status.PASSED, null, null, null, null)));
                store.write(result);
            }
        });
        writer.start();
        AtomicReference<String> broken = new AtomicReference<>();
        int reads = 0;
        long deadline = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < deadline && broken.get() == null) {
            try {
                JsonNode tree = ResultFiles.JSON.readTree(Files.readAllBytes(store.fileOf("big")));
                if (tree == null || tree.path("metrics").size() != 400) {
                    broken.set("read " + tree);
                }
            } catch (Exception e) {
                broken.set(e.toString());
            }
            reads++;
        }
        writing.set(false);
        writer.join();

        assertThat(broken.get()).as("a read during rewriting").isNull();
        assertThat(writes.get()).as("rewrites while reading").isGreaterThan(10);
        assertThat(reads).isGreaterThan(10);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("big.json"));
        }
    }
}
