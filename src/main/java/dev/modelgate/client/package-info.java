/**
 * The OpenAI-compatible chat client a requirement test talks to the served model with: requests,
 * streamed answers with the arrival time of every event, tool calls assembled from their fragments,
 * usage, and the errors a server can answer with.
 *
 * <p><b>API</b>: {@link ChatClient}, {@link ChatRequest}, {@link Completion}, {@link ToolCall},
 * {@link Usage} and the errors ({@link ServerError}, {@link ProtocolError}, {@link RequestTimeout});
 * the event-stream reading behind them is internal and may change without notice.
 */
package dev.modelgate.client;
