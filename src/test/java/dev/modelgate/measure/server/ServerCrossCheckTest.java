package dev.modelgate.measure.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelgate.client.Completion;
import dev.modelgate.client.StreamEvent;
import dev.modelgate.client.Usage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerCrossCheckTest {

    /** A completion sent at 0 whose first token came at {@code ttftMs}, with the given usage. */
    private static Completion completion(double ttftMs, int prompt, int generated) {
        long first = (long) (ttftMs * 1e6);
        return new Completion(0, 1, first + 10, List.of(new StreamEvent(first, "x", "", 0, "stop", false)), "x", "",
                List.of(), Optional.of(new Usage(prompt, generated)), "stop", true);
    }

    private static ServerMetrics scrape(double count, double sum, double[] cumulative, double prompt, double generated) {
        return ServerMetrics.parse(PrometheusTextTest.vllm("m", count, sum, cumulative, prompt, generated), "m");
    }

    @Test
    void countsThatAgreeAreNotFlaggedAndTheTtftDiscrepancyIsTheClientsOverhead() {
        ClientTally tally = new ClientTally();
        tally.add(completion(210, 50, 16));
        tally.add(completion(230, 50, 16));
        ServerMetrics before = scrape(3, 0.6, new double[] {0, 3, 3, 3}, 1000, 500);
        ServerMetrics after = scrape(5, 0.6 + 0.4, new double[] {0, 5, 5, 5}, 1100, 532);

        ServerCrossCheck check = ServerCrossCheck.of(before, after, tally);

        assertThat(check.serverRequests()).isEqualTo(2);
        assertThat(check.serverTtftMeanMs().getAsDouble()).isCloseTo(200, within(1e-9));
        assertThat(check.clientTtftMeanMs().getAsDouble()).isCloseTo(220, within(1e-9));
        assertThat(check.ttftDiscrepancyMs().getAsDouble()).isCloseTo(20, within(1e-9));
        assertThat(check.promptTokenDisagreement()).hasValue(0.0);
        assertThat(check.generationTokenDisagreement()).hasValue(0.0);
        assertThat(check.flagged()).isFalse();
    }

    @Test
    void aTokenCountOffByMoreThanOnePercentFlagsTheRun() {
        ClientTally tally = new ClientTally();
        for (int i = 0; i < 10; i++) {
            tally.add(completion(100, 40, 100)); // the client's usage says 1,000 generated tokens
        }
        ServerMetrics before = scrape(0, 0, new double[] {0, 0, 0, 0}, 0, 0);
        ServerMetrics after = scrape(10, 1.0, new double[] {10, 10, 10, 10}, 400, 1012); // the server counted 1,012

        ServerCrossCheck check = ServerCrossCheck.of(before, after, tally);

        assertThat(check.flagged()).isTrue();
        assertThat(check.flags()).containsExactly("generated tokens disagree by -1.19 %: the client's usage chunks sum"
                + " to 1,000, the server counted 1,012");
        assertThat(check.toMetric()).containsEntry("flagged", true);
        assertThat(check.describe()).contains("FLAGGED: generated tokens disagree by -1.19 %");
    }

    @Test
    void withinOnePercentIsNotFlagged() {
        ClientTally tally = new ClientTally();
        for (int i = 0; i < 10; i++) {
            tally.add(completion(100, 40, 100));
        }
        ServerCrossCheck check = ServerCrossCheck.of(scrape(0, 0, new double[] {0, 0, 0, 0}, 0, 0),
                scrape(10, 1.0, new double[] {10, 10, 10, 10}, 400, 1010), tally);

        assertThat(check.flagged()).isFalse();
    }
}
