package dev.modelgate.qualification;

import dev.modelgate.Evidence;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Facts;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Threshold;
import dev.modelgate.catalog.VllmArchitectures;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The static requirements: licence, quantization, architecture, context and the weights' fit in the
 * memory budget, judged from the facts
 * declared in the candidate file. They take only the candidate and the evidence, so they never boot
 * the model, and they are tagged {@value #TAG}: {@code mvn test -Dmodel=all -Dgroups=static} runs
 * them for every candidate without booting anything. An ad-hoc candidate (an id without a file)
 * has unknown facts: each test is skipped with the reason.
 */
public interface StaticRequirementTests {

    /** The JUnit tag of the static requirement tests. */
    String TAG = "static";

    /** The licence (an SPDX id or a flat AND/OR expression of ids) is in the permissive list. */
    @Test
    @Tag(TAG)
    @Requirement("licence")
    @Order(100)
    default void licence(Candidate candidate, Evidence evidence) {
        StaticFacts.declared(candidate, evidence, "license", "licence", Facts::license)
                .ifPresent(licence -> judgeLicence(LicenceExpression.parse(licence), evidence));
    }

    /** The quantization method is one vLLM loads and the target machine runs (NVFP4 preferred). */
    @Test
    @Tag(TAG)
    @Requirement("quantization")
    @Order(110)
    default void quantization(Candidate candidate, Evidence evidence) {
        StaticFacts.declared(candidate, evidence, "quantization", "quantization", Facts::quantization)
                .ifPresent(method -> evidence.judgeMember("quantization", method));
    }

    /** The architecture is one vLLM serves ({@code vllm-supported}); a mixture of experts is preferred. */
    @Test
    @Tag(TAG)
    @Requirement("architecture")
    @Order(120)
    default void architecture(Candidate candidate, Evidence evidence) {
        StaticFacts.declared(candidate, evidence, "architecture", "architecture", Facts::architecture)
                .ifPresent(architecture -> judgeArchitecture(architecture, candidate.facts().moe(), evidence));
    }

    /**
     * The declared context window is long enough. The served context, measured when the model is
     * booted, replaces this figure in the result file.
     */
    @Test
    @Tag(TAG)
    @Requirement("context")
    @Order(130)
    default void context(Candidate candidate, Evidence evidence) {
        StaticFacts.declared(candidate, evidence, "contextLength", "context", Facts::contextLength)
                .ifPresent(tokens -> {
                    evidence.note("declared in " + StaticFacts.file(candidate) + " (facts.contextLength); the"
                            + " context the server reports when booted replaces it");
                    evidence.judge("declared context", tokens);
                });
    }

    /**
     * The weight files fit the memory budget ({@code vram}'s thresholds): weights larger than the
     * must-have cannot boot within it, whatever the KV cache. Weights that fit are only a lower bound
     * of the footprint: the boot-time {@code vram} test, which measures the running server, replaces
     * this judgement in the result file.
     */
    @Test
    @Tag(TAG)
    @Requirement("vram")
    @Order(140)
    @DisplayName("memory budget (weights)")
    default void weights(Candidate candidate, Evidence evidence) {
        if (!candidate.adHoc() && candidate.facts().weightsBytes() == null) {
            evidence.skip(StaticFacts.file(candidate) + " declares no facts.weightsBytes, so the weights cannot be"
                    + " checked against the memory budget before booting; the boot-time memory test still judges"
                    + " it. Add facts.weightsBytes and facts.weightsSource (the Hub survey lists the sizes)");
        }
        StaticFacts.declared(candidate, evidence, "weightsBytes", "memory budget (weights)", Facts::weightsBytes)
                .ifPresent(bytes -> {
                    String source = candidate.facts().weightsSource();
                    evidence.note(String.format(Locale.ROOT, "weight files: %,d bytes = %.2f GiB, from %s (%s"
                                    + " facts.weightsSource); the boot-time memory test measures the footprint"
                                    + " (weights, KV cache, activations) and replaces this judgement",
                            bytes, candidate.facts().weightsGiB(), source, StaticFacts.file(candidate)));
                    evidence.judge("weights (" + source + ")", candidate.facts().weightsGiB());
                });
    }

    private static void judgeLicence(LicenceExpression licence, Evidence evidence) {
        if (licence.isSingle()) {
            evidence.judgeMember("licence", licence.text());
            return;
        }
        RequirementSpec spec = evidence.requirement();
        evidence.note("licence " + licence.text() + ": every licence joined by AND applies, so each must be"
                + " allowed; of alternatives joined by OR one is enough");
        evidence.judgeRule("licence", licence.text(), allowedBy(spec, spec.must(), licence),
                allowedBy(spec, spec.nice(), licence));
    }

    private static void judgeArchitecture(String architecture, Boolean moe, Evidence evidence) {
        VllmArchitectures vllm = VllmArchitectures.builtIn();
        boolean supported = vllm.supports(architecture);
        evidence.note(architecture + (supported ? " is" : " is not") + " among the " + vllm.names().size()
                + " architectures vLLM " + vllm.vllmVersion() + " serves (" + VllmArchitectures.RESOURCE + ")"
                + (supported ? "" : "; if a newer vLLM serves it, add it there with its source and version"));
        Map<String, BooleanSupplier> rules = new LinkedHashMap<>();
        rules.put("vllm-supported", () -> supported);
        rules.put("moe", () -> Boolean.TRUE.equals(moe));
        RequirementSpec spec = evidence.requirement();
        evidence.judgeRule("architecture", architecture, StaticFacts.rule(spec, spec.must(), "must", rules),
                StaticFacts.rule(spec, spec.nice(), "nice", rules));
    }

    private static Boolean allowedBy(RequirementSpec spec, Optional<Threshold> side, LicenceExpression licence) {
        if (side.isEmpty()) {
            return null;
        }
        if (side.get() instanceof Threshold.OneOf allowed) {
            return licence.satisfiedBy(allowed::test);
        }
        throw new IllegalStateException("requirement '" + spec.id() + "' must list the allowed licences, e.g."
                + " [Apache-2.0, MIT]; it has '" + side.get().describe(spec.unit()) + "'");
    }
}
