package dev.modelgate.testing;

import dev.modelgate.catalog.Secret;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ClientOptions;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulator and a chat client connected to it, for a test to start with its script; both are
 * closed after each test. Register it with {@code @RegisterExtension}.
 */
public final class SimulatedChat implements AfterEachCallback {

    private VllmSimulator sim;
    private ChatClient client;

    /** Starts the simulator with this script and connects a client with the default options. */
    public ChatClient start(SimScript script) {
        return start(script, ClientOptions.DEFAULTS);
    }

    /**
     * Starts the simulator with this script and connects a client with these options, sending the
     * script's API key when it has one; what an earlier call started is closed first.
     */
    public ChatClient start(SimScript script, ClientOptions options) {
        close();
        sim = VllmSimulator.start(script);
        client = new ChatClient(sim.baseUrl(), script.servedName(),
                Optional.ofNullable(script.apiKey()).map(Secret::new), options);
        return client;
    }

    public VllmSimulator sim() {
        return sim;
    }

    public ChatClient client() {
        return client;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (sim != null) {
            sim.close();
            sim = null;
        }
    }
}
