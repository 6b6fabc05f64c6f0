/**
 * The simulator test kit: a real OpenAI-compatible HTTP server on loopback (vLLM's and Ollama's
 * endpoints, streamed answers, {@code /metrics}) whose timings, answers and faults are scripted, so
 * that a team can run its own suites and requirements offline and know the true figures (an
 * injected time to first token of 250 ms must read 250 ms).
 *
 * <p><b>API</b>: {@link VllmSimulator} (start it with a {@link SimScript}, read its
 * {@code baseUrl()}), {@link SimScript} and its {@code with…} methods, {@link SimLauncher} to run it
 * as a separate process; the request handlers behind them are internal and may change without notice.
 */
package dev.modelgate.sim;
