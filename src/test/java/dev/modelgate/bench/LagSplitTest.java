package dev.modelgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modelgate.sim.StreamTiming;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LagSplit} on stamps whose parts are known exactly. */
class LagSplitTest {

    private static final long MS = 1_000_000;
    private static final long TTFT = 250 * MS;

    /** One request: the parts in ms (send lag, accept, admission, first-token lateness, read lag). */
    private static void add(List<LagSplit.ClientStream> client, List<StreamTiming> sim, long scheduled, double send,
                            double accept, double admission, double late, double read) {
        long sent = scheduled + nanos(send);
        long arrived = sent + nanos(accept);
        long start = arrived + nanos(admission);
        long due = start + TTFT;
        long written = due + nanos(late);
        long firstToken = written + nanos(read);
        client.add(new LagSplit.ClientStream(scheduled, sent, firstToken, null));
        sim.add(new StreamTiming(start, due, written, due + 100 * MS, written + 100 * MS, 1, due, written, arrived,
                "r" + scheduled));
    }

    private static long nanos(double ms) {
        return Math.round(ms * MS);
    }

    @Test
    void partsAddUpToTheDelayBeyondTheInjectedTtftAndGoToWhoCausedThem() {
        List<LagSplit.ClientStream> client = new ArrayList<>();
        List<StreamTiming> sim = new ArrayList<>();
        add(client, sim, 1_000 * MS, 2, 0.1, 0.3, 0.5, 0.2);
        add(client, sim, 2_000 * MS, 5, 0.2, 0.1, 1.5, 3);
        LagSplit split = LagSplit.of(client, sim);
        LagSplit.Parts first = split.parts().get(0);
        assertThat(first.sendLag()).isCloseTo(2, within(1e-9));
        assertThat(first.accept()).isCloseTo(0.1, within(1e-9));
        assertThat(first.admission()).isCloseTo(0.3, within(1e-9));
        assertThat(first.lateness()).isCloseTo(0.5, within(1e-9));
        assertThat(first.readLag()).isCloseTo(0.2, within(1e-9));
        assertThat(first.client()).isCloseTo(2.2, within(1e-9));
        assertThat(first.simulator()).isCloseTo(0.9, within(1e-9));
        LagSplit.Parts second = split.parts().get(1);
        long scheduledToFirstToken = client.get(1).firstTokenNanos() - client.get(1).scheduledNanos();
        assertThat(second.client() + second.simulator()).isCloseTo((scheduledToFirstToken - TTFT) / 1e6, within(1e-9));
        assertThat(split.client().percentile(99)).isCloseTo(8, within(0.01));
        assertThat(split.simulator().percentile(99)).isCloseTo(1.8, within(0.01));
    }

    @Test
    void streamsArePairedBySentAndArrivalOrderWhateverOrderTheyAreListedIn() {
        List<LagSplit.ClientStream> client = new ArrayList<>();
        List<StreamTiming> sim = new ArrayList<>();
        add(client, sim, 1_000 * MS, 1, 0.1, 0, 0, 0);
        add(client, sim, 2_000 * MS, 7, 0.1, 0, 0, 0);
        add(client, sim, 3_000 * MS, 3, 0.1, 0, 0, 0);
        LagSplit split = LagSplit.of(List.of(client.get(2), client.get(0), client.get(1)), List.of(sim.get(1), sim.get(2),
                sim.get(0)));
        assertThat(split.parts()).extracting(LagSplit.Parts::sendLag).containsExactly(1.0, 7.0, 3.0);
        assertThat(split.parts()).allSatisfy(p -> assertThat(p.accept()).isCloseTo(0.1, within(1e-9)));
    }

    @Test
    void theFirstBurstsSendLagIsKeptApartFromTheOthers() {
        List<LagSplit.ClientStream> client = new ArrayList<>();
        List<StreamTiming> sim = new ArrayList<>();
        add(client, sim, 1_000 * MS, 4, 0.1, 0, 0, 0);
        add(client, sim, 1_000 * MS, 8, 0.1, 0, 0, 0);
        add(client, sim, 1_500 * MS, 1, 0.1, 0, 0, 0);
        LagSplit split = LagSplit.of(client, sim);
        assertThat(split.sendLag(true).count()).isEqualTo(2);
        assertThat(split.sendLag(true).percentile(100)).isCloseTo(8, within(0.01));
        assertThat(split.sendLag(false).count()).isEqualTo(1);
        assertThat(split.sendLag(false).percentile(50)).isCloseTo(1, within(0.01));
    }

    @Test
    void streamsThatNameTheirPromptArePairedByIt() {
        List<LagSplit.ClientStream> client = new ArrayList<>();
        List<StreamTiming> sim = new ArrayList<>();
        add(client, sim, 1_000 * MS, 1, 0.1, 0, 0, 0);
        add(client, sim, 1_000 * MS + 1, 2, 5, 0, 0, 0); // sent after the first, arrived long after it...
        add(client, sim, 1_000 * MS + 2, 3, 0.1, 0, 0, 0); // ... and after this one: ranks would mispair them
        List<LagSplit.ClientStream> named = client.stream().map(c -> new LagSplit.ClientStream(c.scheduledNanos(),
                c.sentNanos(), c.firstTokenNanos(), null)).toList();
        List<LagSplit.ClientStream> byPrompt = new ArrayList<>();
        for (int i = 0; i < client.size(); i++) {
            LagSplit.ClientStream c = client.get(i);
            byPrompt.add(new LagSplit.ClientStream(c.scheduledNanos(), c.sentNanos(), c.firstTokenNanos(),
                    sim.get(i).promptStart()));
        }
        assertThat(LagSplit.of(byPrompt, sim).parts()).extracting(LagSplit.Parts::accept)
                .containsExactly(0.1, 5.0, 0.1);
        assertThat(LagSplit.of(named, sim).parts()).extracting(LagSplit.Parts::accept).doesNotContain(5.0);
        assertThatThrownBy(() -> LagSplit.of(byPrompt, List.of(sim.get(0), sim.get(0), sim.get(0))))
                .hasMessageStartingWith("the simulator did not serve");
    }

    @Test
    void theSimulatorIsBehindOnlyWhenItsPartIsOverTheLimitAndOverTheClients() {
        List<LagSplit.ClientStream> client = new ArrayList<>();
        List<StreamTiming> sim = new ArrayList<>();
        add(client, sim, 1_000 * MS, 1, 0.1, 0.1, 30, 0.1); // the simulator wrote 30 ms late
        assertThat(LagSplit.of(client, sim).simulatorBehind(10)).isTrue();
        assertThat(LagSplit.of(client, sim).simulatorBehind(50)).isFalse();
        client.clear();
        sim.clear();
        add(client, sim, 1_000 * MS, 40, 0.1, 0.1, 30, 0.1); // ... but the client sent 40 ms late
        assertThat(LagSplit.of(client, sim).simulatorBehind(10)).isFalse();
    }

    @Test
    void streamsThatCannotBePairedAreRefused() {
        List<LagSplit.ClientStream> client = new ArrayList<>();
        List<StreamTiming> sim = new ArrayList<>();
        add(client, sim, 1_000 * MS, 1, 0.1, 0, 0, 0);
        assertThatThrownBy(() -> LagSplit.of(client, List.of()))
                .hasMessage("the client counted 1 stream(s) and the simulator 0: they cannot be paired");
    }
}
