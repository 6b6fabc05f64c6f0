package dev.modelgate.catalog.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.catalog.BuiltInCatalogue;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.EngineSpec;
import dev.modelgate.catalog.Facts;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Hub preflight against recorded Hub responses served on loopback. */
class HubPreflightTest {

    private final Catalog catalog = BuiltInCatalogue.get();

    @TempDir
    Path cache;

    @RegisterExtension
    final RecordedHub hub = new RecordedHub();

    private HubPreflight preflight(Optional<Secret> token) {
        return HubPreflight.create(hub.url(), token, cache);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nemotron-3-nano-30b-a3b-nvfp4", "qwen3-30b-a3b", "gemma-4-31b", "gemma-4-e4b",
            "nemotron-3-nano-omni-30b-a3b"})
    void theCatalogueAgreesWithTheRecordedHubFiles(String id) {
        PreflightReport report = preflight(Optional.empty()).check(catalog.candidate(id).orElseThrow());

        assertThat(report.differences()).isEmpty();
        assertThat(report.render()).contains(id, "the declared facts agree with the Hub");
    }

    @Test
    void theHubFactsAreReadFromWhereEachFormatKeepsThem() {
        HubPreflight preflight = preflight(Optional.empty());

        HubFacts nemotron = preflight.check(catalog.candidate("nemotron-3-nano-30b-a3b-nvfp4").orElseThrow()).hub();
        HubFacts gemma = preflight.check(catalog.candidate("gemma-4-e4b").orElseThrow()).hub();
        HubFacts omni = preflight.check(catalog.candidate("nemotron-3-nano-omni-30b-a3b").orElseThrow()).hub();

        assertThat(nemotron).isEqualTo(new HubFacts("NemotronHForCausalLM", 262144,
                "config.json max_position_embeddings", "NVFP4", "quant_method=modelopt, quant_algo=NVFP4",
                "LicenseRef-NVIDIA-Open-Model-License", "license: other, license_name: nvidia-open-model-license"));
        assertThat(gemma).isEqualTo(new HubFacts("Gemma4ForConditionalGeneration", 131072,
                "config.json text_config.max_position_embeddings", "FP8",
                "quant_method=compressed-tensors, format=float-quantized", "Apache-2.0", "license: apache-2.0"));
        assertThat(omni.contextSource()).isEqualTo("config.json llm_config.max_position_embeddings");
        assertThat(omni.quantization()).isEqualTo("NVFP4");
        assertThat(omni.quantizationDetail())
                .isEqualTo("hf_quant_config.json quant_algo=MIXED_PRECISION (FP8, NVFP4)");
    }

    @Test
    void everyDifferenceIsReportedWithBothValuesAndWhereTheHubSaysSo() {
        Candidate drifted = declared("example-org/drifted-model",
                new Facts("Qwen3MoeForCausalLM", 30.5, 3.3, true, "FP8", "Apache-2.0", 131072, List.of("text"),
                        List.of(), null), List.of());

        PreflightReport report = preflight(Optional.empty()).check(drifted);

        assertThat(report.consistent()).isFalse();
        assertThat(report.differences()).extracting(Difference::toString).containsExactly(
                "facts.architecture is Qwen3MoeForCausalLM in the candidate file, but the Hub has Qwen3ForCausalLM"
                        + " (config.json architectures[0])",
                "facts.contextLength is 131072 in the candidate file, but the Hub has 32768"
                        + " (config.json max_position_embeddings)",
                "facts.quantization is FP8 in the candidate file, but the Hub has none (unquantized weights)"
                        + " (config.json has no quantization_config)",
                "facts.license is Apache-2.0 in the candidate file, but the Hub has MIT (README.md license: mit)");
        assertThat(report.render()).startsWith("drifted-model (example-org/drifted-model@main): 4 differences from the Hub");
    }

    @Test
    void quantizationAtLoadTimeCountsAsTheDeclaredMethod() {
        Candidate atLoad = declared("example-org/drifted-model",
                new Facts("Qwen3ForCausalLM", 8.0, 8.0, false, "FP8", "MIT", 32768, List.of("text"), List.of(), null),
                List.of("--quantization", "fp8"));

        PreflightReport report = preflight(Optional.empty()).check(atLoad);

        assertThat(report.differences()).isEmpty();
    }

    @Test
    void whatThePreflightCannotCompareBecomesANoteNotADifference() {
        Candidate noCard = declared("example-org/no-card",
                new Facts("MistralForCausalLM", 7.0, 7.0, false, "AWQ", "Apache-2.0", 131072, List.of("text"),
                        List.of(), null), List.of());

        PreflightReport report = preflight(Optional.empty()).check(noCard);

        assertThat(report.differences()).isEmpty();
        assertThat(report.notes()).containsExactly(
                "quantization not compared: the preflight does not map quant_method=bitsandbytes",
                "licence not compared: the repository has no README.md");
    }

    @Test
    void theTokenIsSentAsBearerAndAppearsInNoMessage() {
        Secret token = new Secret("hf_test_token_0123456789");
        Candidate gated = declared("gated-org/private-model", Facts.UNKNOWN, List.of());

        assertThatThrownBy(() -> preflight(Optional.of(token)).check(gated))
                .isInstanceOf(HubUnavailableException.class)
                .hasMessageContaining("/gated-org/private-model/resolve/main/config.json (HTTP 401)")
                .hasMessageContaining("the token from HF_TOKEN was sent but has no access")
                .message().doesNotContain(token.reveal());
        assertThat(hub.requests()).singleElement()
                .isEqualTo(new RecordedHub.Seen("/gated-org/private-model/resolve/main/config.json",
                        "Bearer hf_test_token_0123456789"));
    }

    @Test
    void withoutATokenAGatedRepositorySaysToSetOne() {
        Candidate gated = declared("gated-org/private-model", Facts.UNKNOWN, List.of());

        assertThatThrownBy(() -> preflight(Optional.empty()).check(gated))
                .hasMessageContaining("the repository is gated or private; accept its licence on the Hub and set HF_TOKEN");
        assertThat(hub.requests()).extracting(RecordedHub.Seen::authorization).containsOnlyNulls();
    }

    @Test
    void aWrongRepositoryIsNamedWithTheFieldsToCheck() {
        Candidate missing = declared("example-org/does-not-exist", Facts.UNKNOWN, List.of());

        assertThatThrownBy(() -> preflight(Optional.empty()).check(missing))
                .isInstanceOf(HubUnavailableException.class)
                .hasMessage("no config.json at " + hub.url() + "/example-org/does-not-exist (revision main): check"
                        + " huggingFace.repo and huggingFace.revision of does-not-exist");
    }

    @Test
    void responsesAreCachedSoASecondRunNeedsNoNetwork() {
        Candidate baseline = catalog.candidate("nemotron-3-nano-30b-a3b-nvfp4").orElseThrow();
        PreflightReport first = preflight(Optional.empty()).check(baseline);
        int served = hub.requests().size();
        String endpoint = hub.url();
        hub.close();

        PreflightReport second = HubPreflight.create(endpoint, Optional.empty(), cache).check(baseline);

        assertThat(served).isEqualTo(2);
        assertThat(second).isEqualTo(first);
        assertThat(cache.resolve("nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-NVFP4/main/config.json")).isRegularFile();
        assertThat(cache.resolve("nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-NVFP4/main/README.md")).isRegularFile();
    }

    @Test
    void offlineTheFailureSaysWhatToDo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;
        HubPreflight offline = HubPreflight.create(endpoint, Optional.empty(), cache);

        assertThatThrownBy(() -> offline.check(catalog.candidate("gemma-4-31b").orElseThrow()))
                .isInstanceOf(HubUnavailableException.class)
                .hasMessageStartingWith("cannot reach the Hugging Face Hub at " + endpoint + "/ (ConnectException")
                .hasMessageContaining("while reading nvidia/Gemma-4-31B-IT-NVFP4/config.json")
                .hasMessageContaining("responses cached under " + cache)
                .hasMessageContaining("set modelgate.hfEndpoint to a reachable mirror")
                .hasMessageContaining("leave modelgate.preflight unset to judge the declared facts only");
        assertThat(Files.exists(cache.resolve("nvidia"))).isFalse();
    }

    @Test
    void thePreflightIsOffUnlessAskedForAndTheEndpointIsConfigurable() {
        assertThat(HubPreflight.fromSettings(Settings.ofMap(Map.of()))).isEmpty();
        assertThat(HubPreflight.fromSettings(Settings.ofMap(Map.of(Settings.PREFLIGHT, "false")))).isEmpty();

        HubPreflight on = HubPreflight.fromSettings(Settings.ofMap(Map.of(Settings.PREFLIGHT, "true",
                Settings.HF_ENDPOINT, hub.url(), Settings.RESULTS, cache.toString()))).orElseThrow();

        assertThat(on.cacheDir()).isEqualTo(cache.resolve("hub-cache"));
        assertThat(on.check(catalog.candidate("qwen3-30b-a3b").orElseThrow()).consistent()).isTrue();
        assertThatThrownBy(() -> HubPreflight.create("huggingface.co", Optional.empty(), cache))
                .hasMessageContaining("modelgate.hfEndpoint=huggingface.co is not an http(s) URL");
    }

    @Test
    void anAdHocCandidateGetsTheHubFactsAsANote() {
        PreflightReport report = preflight(Optional.empty()).check(Candidate.adHoc("Qwen/Qwen3-30B-A3B-FP8"));

        assertThat(report.differences()).isEmpty();
        assertThat(report.notes()).containsExactly("ad-hoc candidate: nothing declared to compare; the Hub has"
                + " architecture Qwen3MoeForCausalLM, context 40960, quantization FP8, licence Apache-2.0");
    }

    private static Candidate declared(String repo, Facts facts, List<String> args) {
        String id = repo.substring(repo.indexOf('/') + 1);
        EngineSpec engine = new EngineSpec("vllm", args, null, null, null, null, null, null, null, null, null, null);
        return new Candidate(id, id, false, List.of(), new Candidate.HuggingFace(repo, "main"), engine, 0, facts,
                null, null, Optional.of(Path.of(id + ".yaml")));
    }
}
