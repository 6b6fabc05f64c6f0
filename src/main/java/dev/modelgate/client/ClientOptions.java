package dev.modelgate.client;

import java.time.Duration;

/**
 * Client limits. {@code idleTimeout} bounds the wait between two reads (a stalled stream);
 * {@code requestTimeout} bounds a whole request; {@code maxConcurrentStreams} sizes the
 * connection pool so that the client never silently caps concurrency.
 */
public record ClientOptions(Duration connectTimeout, Duration idleTimeout, Duration requestTimeout,
                            int maxConcurrentStreams) {

    public static final ClientOptions DEFAULTS =
            new ClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(300), 512);

    public ClientOptions withTimeouts(Duration idle, Duration request) {
        return new ClientOptions(connectTimeout, idle, request, maxConcurrentStreams);
    }
}
