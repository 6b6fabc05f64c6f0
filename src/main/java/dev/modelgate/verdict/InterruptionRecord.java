package dev.modelgate.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code interrupted} in a result file: the JVM was told to stop before the candidate was done.
 *
 * @param at   when (ISO-8601 instant)
 * @param test the test that was running, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"at", "test", "message"})
public record InterruptionRecord(String at, String test, String message) {
}
