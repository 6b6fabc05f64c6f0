package com.example.voice;

import dev.modelgate.Qualification;
import dev.modelgate.qualification.SwapVerdicts;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The team's qualification: its suite runs once per candidate of {@code -Dmodel}, then the swap
 * verdict judges them. Both are nested classes ordered here, so the verdict comes last without
 * any build configuration; the name ends in {@code Tests}, so Surefire runs it without an include.
 */
@ExtendWith(SimulatedServer.class)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class VoiceQualificationTests {

    @Nested
    @Order(1)
    @Qualification
    class Candidates implements GreetingTests {
    }

    @Nested
    @Order(2)
    class Verdict implements SwapVerdicts {
    }
}
