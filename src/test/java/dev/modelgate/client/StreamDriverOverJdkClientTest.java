package dev.modelgate.client;

import java.net.URI;

/**
 * The same cases as {@link StreamDriverTest} through the transport the driver uses for https
 * servers (the JDK's HTTP client), run here over plain HTTP against the simulator.
 */
class StreamDriverOverJdkClientTest extends StreamDriverTest {

    @Override
    StreamTransport transport(URI baseUrl, ClientOptions options) {
        return new JdkHttpTransport(options.connectTimeout(), 2);
    }

    @Override
    int threadsStartedByStreams() {
        return 2;
    }
}
