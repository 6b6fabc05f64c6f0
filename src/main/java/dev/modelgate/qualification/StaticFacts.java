package dev.modelgate.qualification;

import dev.modelgate.Evidence;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Facts;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Threshold;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Reads a declared fact for a static requirement test, or says why there is none. */
final class StaticFacts {

    private StaticFacts() {
    }

    /**
     * The fact {@code field} of the candidate file. An ad-hoc candidate has no file: the test is
     * skipped with the reason (empty result). A file that lacks the fact cannot be judged: that is
     * a broken test, never a pass.
     *
     * @param field  the YAML name under {@code facts:}, e.g. {@code license}
     * @param what   how the requirement names the fact in messages, e.g. {@code licence}
     */
    static <T> Optional<T> declared(Candidate candidate, Evidence evidence, String field, String what,
                                    Function<Facts, T> getter) {
        if (candidate.adHoc()) {
            evidence.skip("ad-hoc candidate '" + candidate.id() + "' has no candidate file, so its " + what
                    + " is unknown; declare facts." + field + " in models/" + candidate.id() + ".yaml to judge it");
            return Optional.empty();
        }
        String file = file(candidate);
        T value = getter.apply(candidate.facts());
        if (value == null) {
            throw new IllegalStateException(file + " declares no facts." + field + ", so the " + what
                    + " requirement cannot be judged; add facts." + field + " to it");
        }
        if (candidate.facts().unconfirmed().contains(field)) {
            evidence.note("facts." + field + " is marked unconfirmed in " + file + "; judged as declared"
                    + (field.equals("weightsBytes")
                    ? " (the Hub survey, -Dgroups=survey, compares it with the Hub's file sizes)"
                    : " (-Dmodelgate.preflight=true compares it with the Hugging Face Hub)"));
        }
        return Optional.of(value);
    }

    /**
     * Evaluates one side of a rule requirement (e.g. architecture: must {@code vllm-supported},
     * nice {@code moe}) with the rules this test knows; {@code null} when that side has no threshold.
     */
    static Boolean rule(RequirementSpec spec, Optional<Threshold> side, String sideName,
                        Map<String, BooleanSupplier> rules) {
        if (side.isEmpty()) {
            return null;
        }
        if (side.get() instanceof Threshold.Rule rule && rules.containsKey(rule.name())) {
            return rules.get(rule.name()).getAsBoolean();
        }
        throw new IllegalStateException("requirement '" + spec.id() + "' has " + sideName + " '"
                + side.get().describe(spec.unit()) + "', which this test cannot evaluate; use one of the rules "
                + String.join(", ", rules.keySet()));
    }

    /** The candidate file as the user knows it: {@code models/<file name>}. */
    static String file(Candidate candidate) {
        return candidate.source().map(p -> "models/" + p.getFileName()).orElse("(no file)");
    }
}
