package dev.modelgate.internal;

import dev.modelgate.Evidence;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Numbers;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Threshold;
import dev.modelgate.report.Report;
import dev.modelgate.verdict.CandidateResult;
import dev.modelgate.verdict.Level;
import dev.modelgate.verdict.RequirementOutcome;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * {@link Evidence} that writes into the candidate's result file and the report. Judgements
 * record {@code requirements.<id>} (value, thresholds, level, message); the test's status is
 * added by {@link CandidateExtension} when the test ends.
 */
final class RecordedEvidence implements Evidence {

    private final Candidate candidate;
    private final RequirementSpec spec;
    private final CandidateResult result;
    private final Report report;
    private final Runnable persist;
    private volatile boolean judged;

    RecordedEvidence(ModelSession session, RequirementSpec spec, Report report) {
        this(session.candidate(), spec, session.result(), report, session::persist);
    }

    /** Records into {@code result}, calling {@code persist} after every change of it. */
    RecordedEvidence(Candidate candidate, RequirementSpec spec, CandidateResult result, Report report,
                     Runnable persist) {
        this.candidate = candidate;
        this.spec = spec;
        this.result = result;
        this.report = report;
        this.persist = persist;
    }

    @Override
    public Candidate candidate() {
        return candidate;
    }

    @Override
    public RequirementSpec requirement() {
        return spec;
    }

    @Override
    public void metric(String name, Object value) {
        result.metric(name, value);
        persist.run();
    }

    @Override
    public void caseOutcomes(Object outcomes) {
        result.caseOutcomes(spec.id(), outcomes);
        persist.run();
    }

    @Override
    public void judge(String label, double value) {
        String shown = show(value);
        Verdict must = spec.must().map(t -> comparison(t, "must").test(value) ? Verdict.MET
                : Verdict.missed(label + " " + shown + " " + comparison(t, "must").missSymbol() + " "
                + bound(comparison(t, "must")) + " (must-have)")).orElse(Verdict.NONE);
        Verdict nice = spec.nice().map(t -> comparison(t, "nice").test(value) ? Verdict.MET
                : Verdict.missed(label + " " + shown + " " + comparison(t, "nice").missSymbol() + " "
                + bound(comparison(t, "nice")) + " (nice-to-have)")).orElse(Verdict.NONE);
        conclude(label, value, must, nice);
    }

    @Override
    public void judgeMember(String label, String value) {
        if (value == null || value.isBlank()) {
            skip(label + " is not declared for " + candidate().id() + (candidate().adHoc()
                    ? " (ad-hoc candidate: no candidate file, so its static facts are unknown)" : ""));
        }
        Verdict must = spec.must().map(t -> oneOf(t, "must").test(value) ? Verdict.MET
                : Verdict.missed(label + " " + value + " is not " + describe(t) + " (must-have)")).orElse(Verdict.NONE);
        Verdict nice = spec.nice().map(t -> oneOf(t, "nice").test(value) ? Verdict.MET
                : Verdict.missed(label + " " + value + " is not " + describe(t) + " (nice-to-have)")).orElse(Verdict.NONE);
        conclude(label, value, must, nice);
    }

    @Override
    public void judgeRule(String label, String value, Boolean mustMet, Boolean niceMet) {
        Verdict must = mustMet == null || spec.must().isEmpty() ? Verdict.NONE : mustMet ? Verdict.MET
                : Verdict.missed(ruleMiss(label, value, spec.must().get(), "must-have"));
        Verdict nice = niceMet == null || spec.nice().isEmpty() ? Verdict.NONE : niceMet ? Verdict.MET
                : Verdict.missed(ruleMiss(label, value, spec.nice().get(), "nice-to-have"));
        conclude(label, value, must, nice);
    }

    /**
     * "licence LicenseRef-X is not one of Apache-2.0, MIT (must-have)" for a set or a rule; for a
     * numeric requirement judged on an outcome that has no number (a boot that did not fit):
     * "memory budget: weights 61 GiB do not fit … — needs ≤ 20 GiB (must-have)".
     */
    private String ruleMiss(String label, String value, Threshold threshold, String side) {
        if (threshold instanceof Threshold.Comparison) {
            return label + ": " + value + " — needs " + describe(threshold) + " (" + side + ")";
        }
        return label + " " + value + " is not " + describe(threshold) + " (" + side + ")";
    }

    /** Whether the test judged its requirement (a test may only record figures). */
    boolean judged() {
        return judged;
    }

    private void conclude(String label, Object value, Verdict must, Verdict nice) {
        judged = true;
        Level level = must.missed() ? Level.NONE
                : nice.met() ? Level.NICE
                : must.met() ? Level.MUST
                : nice.missed() ? Level.NONE : Level.MUST;
        String message = must.missed() ? must.message() : nice.missed() ? nice.message()
                : label + " " + (value instanceof Double d ? show(d) : value) + ": meets " + (level == Level.NICE
                ? "the nice-to-have" : "the must-have");
        result.requirement(spec.id(), RequirementOutcome.judged(label, value, spec.unit(),
                spec.must().map(this::describe).orElse(null), spec.nice().map(this::describe).orElse(null), level,
                message));
        persist.run();
        if (must.missed()) {
            throw new AssertionFailedError(must.message());
        }
        if (nice.missed()) {
            report.failedStep(nice.message());
        } else {
            report.step(message);
        }
    }

    @Override
    public void attach(String name, String mediaType, String extension, String content) {
        report.attach(name, mediaType, extension, content);
    }

    @Override
    public void attach(String name, String mediaType, String extension, byte[] content) {
        report.attach(name, mediaType, extension, content);
    }

    @Override
    public void note(String text) {
        report.step(text);
    }

    @Override
    public void skip(String reason) {
        result.requirement(spec.id(), RequirementOutcome.reason(reason));
        persist.run();
        Assumptions.abort(reason);
    }

    /** A value as shown in messages: ratios as percentages, others with the unit. */
    private String show(double value) {
        if ("ratio".equals(spec.unit())) {
            return Numbers.percent(value);
        }
        String unit = spec.unit();
        return Numbers.format(value) + (unit == null || unit.equals("flag") ? "" : " " + unit);
    }

    private String describe(Threshold t) {
        if (t instanceof Threshold.Comparison c) {
            return c.op().symbol() + " " + bound(c);
        }
        return t.describe(spec.unit());
    }

    /** A threshold's bound as messages show it: {@code 300 ms}, {@code 90 %}. */
    private String bound(Threshold.Comparison c) {
        return show(c.bound());
    }

    private Threshold.Comparison comparison(Threshold t, String side) {
        if (t instanceof Threshold.Comparison c) {
            return c;
        }
        throw new IllegalStateException("requirement '" + spec.id() + "' " + side + "-have is " + t
                + ", but its test measures a number; write it as a comparison such as \">= 0.9\"");
    }

    private Threshold.OneOf oneOf(Threshold t, String side) {
        if (t instanceof Threshold.OneOf o) {
            return o;
        }
        throw new IllegalStateException("requirement '" + spec.id() + "' " + side + "-have is " + t
                + ", but its test checks membership; write it as a list of allowed values");
    }

    /** The outcome of one side (must or nice) of a requirement: met, missed, or not judged. */
    private record Verdict(State state, String message) {
        enum State { MET, MISSED, NOT_JUDGED }

        static final Verdict MET = new Verdict(State.MET, null);
        static final Verdict NONE = new Verdict(State.NOT_JUDGED, null);

        static Verdict missed(String message) {
            return new Verdict(State.MISSED, message);
        }

        boolean missed() {
            return state == State.MISSED;
        }

        boolean met() {
            return state == State.MET;
        }
    }
}
