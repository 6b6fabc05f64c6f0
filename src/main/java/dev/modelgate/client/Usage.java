package dev.modelgate.client;

/** Token counts from the server's usage chunk. */
public record Usage(int promptTokens, int completionTokens) {
}
