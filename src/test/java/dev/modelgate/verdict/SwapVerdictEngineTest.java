package dev.modelgate.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs the project's verdict class ({@code SwapVerdictTests}) through the Jupiter engine over the
 * result files of three candidates and the declared Nemotron baseline, and checks the verdict
 * tests, their messages and the files written.
 */
class SwapVerdictEngineTest {

    static final String VERDICT_CLASS = "dev.modelgate.qualification.SwapVerdictTests";
    private static final String NEMOTRON = "nemotron-3-nano-30b-a3b-nvfp4";
    private static final String TITLE = "swap verdict vs " + NEMOTRON;

    @TempDir
    Path tmp;

    private EngineExecutionResults run(Map<String, String> parameters) {
        return isolatedFromAllure(() -> EngineTestKit.engine("junit-jupiter").selectors(selectClass(VERDICT_CLASS))
                .configurationParameters(parameters).execute());
    }

    /**
     * Runs {@code execution} with Allure's global lifecycle swapped for one that no listener
     * drives: the inner verdict tests' steps and labels must not land on this (outer) test.
     */
    static <T> T isolatedFromAllure(java.util.function.Supplier<T> execution) {
        io.qameta.allure.AllureLifecycle outer = io.qameta.allure.Allure.getLifecycle();
        io.qameta.allure.Allure.setLifecycle(new io.qameta.allure.AllureLifecycle(
                new io.qameta.allure.FileSystemResultsWriter(Path.of("target", "inner-allure-results"))));
        try {
            return execution.get();
        } finally {
            io.qameta.allure.Allure.setLifecycle(outer);
        }
    }

    private Map<String, String> parameters(Path results, String gate) {
        Map<String, String> p = new HashMap<>();
        p.put("model", "gemma-4-26b-a4b,qwen3-30b-a3b,llama-3-8b");
        p.put("modelgate.results", results.toString());
        p.put("modelgate.allureResults", tmp.resolve("allure-results").toString());
        if (gate != null) {
            p.put("modelgate.gate", gate);
        }
        return p;
    }

    @Test
    void underGateMustTheSwapPassesTheDisqualifiedFailsAndNoSwapIsReportedWithoutFailing() throws Exception {
        Path results = ResultFixture.threeCandidatesRun(tmp.resolve("modelgate"));

        EngineExecutionResults r = run(parameters(results, null));

        r.testEvents().assertStatistics(s -> s.started(3).succeeded(1).failed(1).aborted(1));
        r.testEvents().assertThatEvents()
                .haveExactly(1, event(test(), displayName(TITLE), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName(TITLE), finishedWithFailure(message(
                        "disqualified: Tool calling accuracy 87.5 % < 90 % (must-have) — score 0.950 vs baseline 0.605"
                                + " (declared): +57 %, needs +15 %"))))
                .haveExactly(1, event(test(), displayName(TITLE), abortedWithReason(message(
                        "no swap: score 0.585 vs baseline 0.605 (declared): -3.3 %, needs +15 % (gate=must: reported,"
                                + " not failed; -Dmodelgate.gate=swap fails the build on it)"))));
        assertThat(containersNamed(r)).containsExactly("gemma-4-26b-a4b", "qwen3-30b-a3b", "llama-3-8b");

        JsonNode verdict = ResultFiles.JSON.readTree(results.resolve("verdict.json").toFile());
        assertThat(verdict.path("baseline").path("provenance").asText()).isEqualTo("declared");
        assertThat(verdict.path("baseline").path("score").path("total").asDouble()).isCloseTo(0.605, within(1e-12));
        // The declared baseline has tool calling only, so Q is tool calling alone for every candidate.
        Map<String, Double> expected = Map.of("gemma-4-26b-a4b", 0.785, "qwen3-30b-a3b", 0.4 * 0.875 + 0.6,
                "llama-3-8b", 0.585);
        for (JsonNode c : verdict.path("candidates")) {
            JsonNode score = c.path("score");
            double recomputed = 0;
            for (JsonNode part : iterable(score.path("subScores"))) {
                recomputed += part.path("weight").asDouble() * part.path("value").asDouble();
            }
            assertThat(score.path("total").asDouble()).as(c.path("id").asText())
                    .isCloseTo(expected.get(c.path("id").asText()), within(1e-12))
                    .isCloseTo(recomputed, within(1e-12));
            assertThat(c.path("ratio").asDouble()).isCloseTo(score.path("total").asDouble() / 0.605, within(1e-12));
        }
        JsonNode gemmaP = verdict.path("candidates").get(0).path("score").path("subScores").path("P");
        assertThat(gemmaP.path("formula").asText()).isEqualTo("0.5 × min(1, 56.5 / (2 × 56.5)) + 0.5 × min(1, 130 /"
                + " (2 × 130)) = 0.5 × 0.5 + 0.5 × 0.5 = 0.5");
        assertThat(gemmaP.path("inputs").path("baseline decode tok/s").path("source").asText())
                .isEqualTo("models/" + NEMOTRON + ".yaml declared.decodeTokensPerSecond 48–65 (midpoint)");
        assertThat(gemmaP.path("inputs").path("baseline decode tok/s").path("declaredRange").toString())
                .isEqualTo("[48.0,65.0]");
        assertThat(verdict.path("candidates").get(2).path("niceToHaveMisses").get(0).asText())
                .isEqualTo("TTFT p50 140 ms ≥ 130 ms (nice-to-have)");

        String summary = Files.readString(results.resolve("summary.md"));
        assertThat(summary).contains("| NVIDIA Nemotron 3 Nano 30B-A3B (NVFP4) (baseline, declared) | 0.95 | 0.50 | 0.00"
                + " | 0.50 | 1.00 | **0.605** | 1.00× | — | the reference |");
        assertThat(summary).contains("| Gemma 4 26B-A4B (NVFP4) (`gemma-4-26b-a4b`) | 0.90 | 0.50 | 1.00 | 0.50 | 1.00"
                + " | **0.785** | 1.30× (+29.8 %) | ✅ swap |");
        assertThat(summary).contains("| Qwen3-30B-A3B (FP8) (`qwen3-30b-a3b`) | 0.88 | 1.00 | 1.00 | 1.00 | 1.00 | **0.950** | 1.57× (+57 %)"
                + " | ⛔ disqualified | disqualified: Tool calling accuracy 87.5 % < 90 % (must-have)");
        assertThat(summary).contains("**Baseline figures:** declared — models/" + NEMOTRON + ".yaml declared:");
        assertThat(summary).contains("- decode speed declared as the range 48–65 tok/s: its midpoint 56.5 tok/s is used");

        JsonNode gemma = ResultFiles.JSON.readTree(results.resolve("gemma-4-26b-a4b.json").toFile());
        assertThat(gemma.path("score").path("outcome").asText()).isEqualTo("swap");
        assertThat(gemma.path("score").path("total").asDouble()).isCloseTo(0.785, within(1e-12));

        Path allure = tmp.resolve("allure-results");
        assertThat(Files.readString(allure.resolve("environment.properties")))
                .contains("verdict.gemma-4-26b-a4b=swap\\: score 0.785 (+29.8 %)")
                .contains("baseline=" + NEMOTRON + "\\: score 0.605 (declared)")
                .contains("vllm.version=0.12.0");
        assertThat(ResultFiles.JSON.readTree(allure.resolve("categories.json").toFile()))
                .hasSize(dev.modelgate.report.AllureCategories.ALL.size());
    }

    @Test
    void underGateSwapNoSwapFailsTheBuildWithTheScoreShortfall() {
        Path results = ResultFixture.threeCandidatesRun(tmp.resolve("modelgate"));

        EngineExecutionResults r = run(parameters(results, "swap"));

        r.testEvents().assertStatistics(s -> s.started(3).succeeded(1).failed(2).aborted(0));
        r.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName(TITLE), finishedWithFailure(message(
                "score 0.585 vs baseline 0.605 (declared): -3.3 %, needs +15 %"))));
    }

    @Test
    void aTeamsOwnVerdictClassInAnotherPackageWorksTheSame() {
        Path results = ResultFixture.threeCandidatesRun(tmp.resolve("modelgate"));

        EngineExecutionResults r = isolatedFromAllure(() -> EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(TeamVerdicts.class)).configurationParameters(parameters(results, null)).execute());

        r.testEvents().assertStatistics(s -> s.started(3).succeeded(1).failed(1).aborted(1));
    }

    /** What a team writes in its own repository. */
    static class TeamVerdicts implements dev.modelgate.qualification.SwapVerdicts {
    }

    @Test
    void withoutModelTheVerdictClassRunsNothingAndFailsNothing() {
        Path results = ResultFixture.threeCandidatesRun(tmp.resolve("modelgate"));
        Map<String, String> p = parameters(results, null);
        p.remove("model");

        EngineExecutionResults r = run(p);

        r.allEvents().assertStatistics(s -> s.failed(0).aborted(0));
        r.testEvents().assertStatistics(s -> s.started(0));
        assertThat(results.resolve("verdict.json")).doesNotExist();
    }

    @Test
    void aRunJsonLeftByAnEarlierRunDecidesNothingAndSaysWhy() {
        Path results = tmp.resolve("modelgate");
        ResultStore.writeAtomically(results.resolve("run.json"), "{\"candidates\": [\"x\"], \"baseline\": \"" + NEMOTRON
                + "\", \"startedAt\": \"2020-01-01T00:00:00Z\", \"gate\": \"must\"}");

        EngineExecutionResults r = run(parameters(results, null));

        r.testEvents().assertStatistics(s -> s.started(1).aborted(1));
        r.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName("swap verdict"),
                abortedWithReason(message(results.resolve("run.json") + " is from an earlier run (started"
                        + " 2020-01-01T00:00:00Z): the qualification suite of this run did not start"))));
    }

    @Test
    void theVerdictClassRunsAfterAQualificationClassTemplate() {
        Path results = ResultFixture.threeCandidatesRun(tmp.resolve("modelgate"));

        EngineExecutionResults r = isolatedFromAllure(() -> EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(VERDICT_CLASS), selectClass(QualificationLike.class))
                .configurationParameters(parameters(results, null))
                .configurationParameters(junitPlatformProperties()) // what the Launcher reads for Surefire
                .execute());

        List<String> started = new ArrayList<>();
        for (Event e : r.allEvents().started().list()) {
            started.add(e.getTestDescriptor().getDisplayName());
        }
        assertThat(started).contains("[1] a", "[2] b", "Swap verdict");
        assertThat(started.indexOf("Swap verdict")).isGreaterThan(started.indexOf("[2] b"))
                .isGreaterThan(started.indexOf("[1] a"));
        r.testEvents().assertStatistics(s -> s.started(5));
    }

    /** The project's junit-platform.properties (EngineTestKit does not read it by itself). */
    private static Map<String, String> junitPlatformProperties() {
        java.util.Properties p = new java.util.Properties();
        try (var in = SwapVerdictEngineTest.class.getResourceAsStream("/junit-platform.properties")) {
            assertThat(in).as("junit-platform.properties on the test class path").isNotNull();
            p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static List<String> containersNamed(EngineExecutionResults r) {
        return r.containerEvents().started().list().stream().map(e -> e.getTestDescriptor().getDisplayName())
                .filter(n -> !n.equals("JUnit Jupiter") && !n.equals("Swap verdict") && !n.startsWith("swapVerdicts"))
                .toList();
    }

    private static Iterable<JsonNode> iterable(JsonNode object) {
        List<JsonNode> values = new ArrayList<>();
        object.elements().forEachRemaining(values::add);
        return values;
    }

    /** A stand-in for the qualification suite: a class template run once per "candidate". */
    @ClassTemplate
    @ExtendWith(TwoCandidates.class)
    static class QualificationLike {
        @Test
        void requirement() {
            // stands for a requirement test; the verdict must start after every invocation of the template
        }
    }

    static class TwoCandidates implements ClassTemplateInvocationContextProvider {
        @Override
        public boolean supportsClassTemplate(ExtensionContext context) {
            return true;
        }

        @Override
        public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
            return Stream.of("a", "b").map(id -> new ClassTemplateInvocationContext() {
                @Override
                public String getDisplayName(int invocationIndex) {
                    return "[" + invocationIndex + "] " + id;
                }
            });
        }
    }
}
