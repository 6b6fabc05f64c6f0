package dev.modelgate.qualification;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;

/**
 * The swap verdict of a qualification run ({@code mvn test -Dmodel=…}): one test per candidate,
 * after every candidate was qualified. {@code @Order(Integer.MAX_VALUE)} puts this class after the
 * qualification suite (junit-platform.properties orders classes by {@code @Order}).
 */
@Order(Integer.MAX_VALUE)
@DisplayName("Swap verdict")
class SwapVerdictTests implements SwapVerdicts {
}
