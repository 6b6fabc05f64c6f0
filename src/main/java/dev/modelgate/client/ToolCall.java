package dev.modelgate.client;

/**
 * A tool call assembled from its streamed fragments.
 *
 * @param arguments the arguments as the model wrote them (a JSON text, possibly invalid)
 */
public record ToolCall(int index, String id, String name, String arguments) {
}
