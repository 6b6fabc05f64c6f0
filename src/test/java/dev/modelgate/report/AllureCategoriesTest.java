package dev.modelgate.report;

import dev.modelgate.verdict.ResultFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.client.ProtocolError;
import dev.modelgate.client.RequestTimeout;
import dev.modelgate.client.ServerError;
import dev.modelgate.client.StreamAssembler;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.Ports;
import dev.modelgate.engine.Readiness;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each category matches the messages the project's own classes produce, and only those. */
class AllureCategoriesTest {

    @TempDir
    Path tmp;

    /** Which categories a result with this status and message falls into. */
    private static List<String> categories(String status, String message) {
        return AllureCategories.ALL.stream().filter(c -> c.matches(status, message))
                .map(AllureCategories.Category::name).toList();
    }

    @Test
    void mustHaveAndNiceToHaveMissesAsEvidenceAndTheVerdictPhraseThem() {
        assertThat(categories("failed", "Tool calling accuracy 87.5 % < 90 % (must-have)"))
                .containsExactly("Must-have miss");
        assertThat(categories("failed", "disqualified: Tool calling accuracy 87.5 % < 90 % (must-have) — score 0.957"
                + " vs baseline 0.605 (declared): +58.1 %, needs +15 %")).containsExactly("Must-have miss");
        assertThat(categories("passed", "TTFT p50 140 ms ≥ 130 ms (nice-to-have)")).containsExactly("Nice-to-have miss");
        assertThat(categories("passed", "TTFT p50 120 ms: meets the nice-to-have")).isEmpty();
    }

    @Test
    void theVerdictsNoSwapAndNotEstablishedAreTheirOwnCategories() {
        assertThat(categories("skipped", "no swap: score 0.585 vs baseline 0.605 (declared): -3.3 %, needs +15 %"
                + " (gate=must: reported, not failed; -Dmodelgate.gate=swap fails the build on it)"))
                .containsExactly("Swap not recommended");
        assertThat(categories("failed", "score 0.585 vs baseline 0.605 (declared): -3.3 %, needs +15 %"))
                .containsExactly("Swap not recommended");
        assertThat(categories("skipped", "not established: Memory budget broken: VRAM unknown — score 0.7 vs baseline"
                + " 0.6 (declared): +16.7 %, needs +15 %")).containsExactly("Swap not established");
    }

    @Test
    void aServerThatExitsBeforeItIsReadyIsABootFailure() {
        Path log = tmp.resolve("server.log");
        ChildProcess child = ChildProcess.start(List.of("sh", "-c", "echo starting; exit 3"), Map.of(), log,
                Duration.ofSeconds(1));
        int port = Ports.free();
        Throwable t = catchThrowable(() -> new Readiness(URI.create("http://127.0.0.1:" + port), "m", Optional.empty())
                .await(child, Duration.ofSeconds(20), "cand", line -> { }));

        assertThat(t).isInstanceOf(BootFailure.class);
        assertThat(categories("broken", t.getMessage())).containsExactly("Engine failed to boot");
        // as a parameter resolver reports it
        assertThat(categories("broken", "Failed to resolve parameter [RunningModel model]: " + t.getMessage()))
                .containsExactly("Engine failed to boot");
    }

    @Test
    void aServerThatNeverAnswersIsABootFailureNotARequestTimeout() {
        int port = Ports.free();
        Throwable t = catchThrowable(() -> new Readiness(URI.create("http://127.0.0.1:" + port), "m", Optional.empty())
                .await(null, Duration.ofMillis(300), "cand", line -> { }));

        assertThat(t).isInstanceOf(BootFailure.class);
        assertThat(categories("broken", t.getMessage())).containsExactly("Engine failed to boot");
    }

    @Test
    void malformedStreamsAreProtocolErrorsAndFailedRequestsServerErrors() {
        StreamAssembler assembler = new StreamAssembler(System.nanoTime());
        Throwable notJson = catchThrowable(() -> assembler.accept("{not json", System.nanoTime()));
        Throwable server = new ServerError(500, "InternalServerError", "CUDA out of memory", false);
        Throwable midStream = new ServerError(200, "BadRequestError", "boom", true);
        Throwable refused = new ServerError(404, "NotFoundError", "The model `x` does not exist.", false);

        assertThat(notJson).isInstanceOf(ProtocolError.class);
        assertThat(categories("broken", notJson.getMessage())).containsExactly("Protocol error");
        assertThat(categories("broken", server.getMessage())).containsExactly("Server error");
        assertThat(categories("broken", midStream.getMessage())).containsExactly("Server error");
        assertThat(categories("broken", refused.getMessage())).containsExactly("Protocol error");
    }

    @Test
    void aServerThatDiedAfterItWasReadyIsNotABootFailure() {
        assertThat(categories("broken", "m: the server died during this test, exit code 1. Last log lines:\nERROR"
                + " EngineCore encountered a fatal error")).containsExactly("Server died");
        assertThat(categories("broken", "m: the server is no longer running (it died during ttft, exit code 1)."
                + " Last log lines:\n...")).containsExactly("Server died");
    }

    @Test
    void stalledStreamsAreTimeouts() {
        Throwable stalled = new RequestTimeout("stream stalled: no bytes from http://127.0.0.1:8000",
                Duration.ofSeconds(60), null);
        Throwable total = new RequestTimeout("request to http://127.0.0.1:8000 did not finish", Duration.ofMillis(1500),
                null);

        assertThat(categories("broken", stalled.getMessage())).containsExactly("Timeout");
        assertThat(categories("broken", total.getMessage())).containsExactly("Timeout");
    }

    @Test
    void theFileIsWhatAllureReads() throws Exception {
        JsonNode json = ResultFiles.JSON.readTree(AllureCategories.json());
        assertThat(json).hasSize(AllureCategories.ALL.size());
        assertThat(json.get(0).path("name").asText()).isEqualTo("Must-have miss");
        assertThat(json.get(0).path("matchedStatuses").get(0).asText()).isEqualTo("failed");
        assertThat(json.get(0).path("messageRegex").asText()).isEqualTo(".*\\(must-have\\).*");
    }
}
