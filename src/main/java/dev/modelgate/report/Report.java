package dev.modelgate.report;

import java.util.Map;

/**
 * Where tests put what a reader of the report should see. The Allure implementation writes into
 * the current Allure test; when no test is running, calls do nothing.
 */
public interface Report {

    /** Attaches text; secrets are redacted first. */
    void attach(String name, String mediaType, String extension, String content);

    void attach(String name, String mediaType, String extension, byte[] content);

    /** A passed step with this name. */
    void step(String name);

    /** A failed step (a nice-to-have miss: visible, yet the test passes). */
    void failedStep(String name);

    /**
     * Sets the labels that place the current test in the report, replacing labels of the same
     * name, and a history id derived from {@code stableKey} so that reordering candidates or
     * changing ports does not break trends.
     */
    void place(Map<String, String> labels, Map<String, String> parameters, String stableKey);

    static Report allure() {
        return AllureReport.INSTANCE;
    }
}
