package dev.modelgate.internal;

import dev.modelgate.catalog.Candidate;
import java.util.List;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.Extension;

/** One run of the qualification class: one candidate. */
final class CandidateInvocation implements ClassTemplateInvocationContext {

    private final Candidate candidate;
    private final RunPlan plan;
    private final int position;
    private final CandidateSlots slots;

    CandidateInvocation(Candidate candidate, RunPlan plan, int position, CandidateSlots slots) {
        this.candidate = candidate;
        this.plan = plan;
        this.position = position;
        this.slots = slots;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return "model " + candidate.id();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new CandidateExtension(candidate, plan, position, slots));
    }
}
