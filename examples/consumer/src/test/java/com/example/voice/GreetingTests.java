package com.example.voice;

import dev.modelgate.Evidence;
import dev.modelgate.Requirement;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import java.util.Locale;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The team's own requirement {@code greeting} (a row of src/test/resources/requirements.yaml). */
interface GreetingTests {

    @Test
    @Order(600)
    @Requirement("greeting")
    default void greeting(ChatClient client, Evidence evidence) {
        String answer = client.stream(ChatRequest.user("Hi, this is Dana calling").maxTokens(32)).content();
        evidence.judge("greets the caller", answer.toLowerCase(Locale.ROOT).contains("hello") ? 1.0 : 0.0);
    }
}
