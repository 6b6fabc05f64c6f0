package dev.modelgate.cases;

import dev.modelgate.catalog.Secret;
import io.qameta.allure.Allure;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Shows each case as a step of the requirement's test in the Allure report, in case order: the
 * request, the model's answer and the verdict attached; failed and unparsed cases as failed steps,
 * cases without an answer as broken steps. The suite's figure, not a step, decides the test.
 */
public final class CaseSteps {

    private static final int TITLE_LENGTH = 160;

    private CaseSteps() {
    }

    private static void report(List<CaseOutcome> outcomes) {
        outcomes.forEach(o -> step(o, ""));
    }

    /** The steps of a suite; with repeats each run is a step named after its run ("run 2 of 3"). */
    public static void report(SuiteOutcome suite) {
        if (suite.repeats() == 1) {
            report(suite.outcomes());
            return;
        }
        suite.byCase().values().forEach(runs -> {
            for (int i = 0; i < runs.size(); i++) {
                step(runs.get(i), " (run " + (i + 1) + " of " + runs.size() + ")");
            }
        });
    }

    private static void step(CaseOutcome o, String run) {
        try {
            Allure.step(title(o, run), () -> {
                Allure.addAttachment("request", "application/json", o.request(), ".json");
                Allure.addAttachment("response", "application/json", o.response(), ".json");
                for (CaseOutcome.Attachment a : o.attachments()) {
                    Allure.addAttachment(a.name(), a.mediaType(), new ByteArrayInputStream(a.content()), a.extension());
                }
                Allure.addAttachment("verdict", "text/plain", Secret.redact(String.join("\n", o.details())), ".txt");
                switch (o.status()) {
                    case PASSED -> {
                    }
                    case FAILED, UNPARSED -> throw new CaseFailed(Secret.redact(o.summary()));
                    case ERROR -> throw new CaseBroken(Secret.redact(o.summary()));
                }
            });
        } catch (CaseFailed | CaseBroken shown) {
            // recorded as the step's status; the suite's figure decides the test
        }
    }

    /** The step title: case id (and run) and verdict in one line. */
    private static String title(CaseOutcome o, String run) {
        String label = switch (o.status()) {
            case PASSED -> "passed";
            case FAILED -> "failed: " + o.summary();
            case UNPARSED -> "unparsed: " + o.summary();
            case ERROR -> o.summary();
        };
        String title = o.caseId() + run + " — " + Secret.redact(label);
        return title.length() <= TITLE_LENGTH ? title : title.substring(0, TITLE_LENGTH) + "…";
    }

    /** A failed case: the step is marked failed. */
    private static final class CaseFailed extends AssertionError {
        CaseFailed(String message) {
            super(message);
        }
    }

    /** A case without an answer: the step is marked broken. */
    private static final class CaseBroken extends RuntimeException {
        CaseBroken(String message) {
            super(message, null, false, false);
        }
    }
}
