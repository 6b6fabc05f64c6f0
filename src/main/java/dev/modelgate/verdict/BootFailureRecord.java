package dev.modelgate.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code bootFailure} in a result file: why the server did not become ready.
 *
 * @param kind     the failure's kind ({@code EXITED}, {@code TIMEOUT}, …, as the engine names it)
 * @param exitCode the server's exit code, when it exited
 * @param log      the server log's path, when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BootFailureRecord(String kind, String message, Integer exitCode, String log) {
}
