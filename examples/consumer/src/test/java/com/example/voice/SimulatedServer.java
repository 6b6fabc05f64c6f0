package com.example.voice;

import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Serves the example's candidates with modelgate's simulator test kit: a vLLM-compatible server on
 * loopback that answers as its script says. It starts before the suite and points
 * {@code modelgate.url} at itself; a team with a real server sets {@code -Dmodelgate.url} instead.
 */
final class SimulatedServer implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatedServer.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        SimScript script = SimScript.defaults().withServedName("voice-model")
                .withAnswers(SimScript.Answer.content("this is Dana", "Hello Dana, how can I help?"));
        VllmSimulator server = VllmSimulator.start(script);
        context.getStore(NAMESPACE).put("server", server); // closed with the store, even if the suite fails
        System.setProperty("modelgate.url", server.baseUrl().toString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty("modelgate.url");
    }
}
