package dev.modelgate.client;

import java.time.Duration;

/** Carries HTTP exchanges for many streams at once without a thread per stream. */
interface StreamTransport extends AutoCloseable {

    /** Starts {@code request}; returns at once. The handle stops it (the connection is then closed, not reused). */
    Runnable send(WireRequest request, ExchangeListener listener);

    /** Opens {@code n} new connections with {@code probe} on each and keeps them for reuse, waiting at most {@code wait}. */
    void openConnections(int n, WireRequest probe, Duration wait);

    @Override
    void close();
}
