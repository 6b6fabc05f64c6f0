package dev.modelgate.bench;

import dev.modelgate.measure.Distribution;
import dev.modelgate.sim.StreamTiming;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the time from a request's scheduled send to its first token's arrival went, beyond the
 * TTFT the simulator was told to inject, split between the client and the simulator (they share
 * the machine's cores). Per stream, from the client's stamps and the simulator's:
 * <ul>
 *   <li>client: <b>send lag</b> (scheduled → sent) and <b>read lag</b> (the simulator wrote the
 *       first token → the client's reader handed it over; it includes the loopback delivery);</li>
 *   <li>simulator: <b>accept</b> (sent → its handler began: the loopback transfer, the simulator's
 *       accept and dispatch), <b>admission</b> (handler began → generation began: body parsed,
 *       reply planned, any queueing) and <b>first-token lateness</b> (due → written).</li>
 * </ul>
 * The two parts add up to TTFT from the schedule − injected TTFT. A client stream is paired with
 * the simulator stream of the same prompt when every client stream names its prompt; otherwise
 * with the simulator stream of the same rank (the {@code k}th sent with the {@code k}th to
 * arrive), which is exact one request at a time but only close under load, where requests sent
 * within a millisecond of each other can arrive in another order.
 */
final class LagSplit {

    /**
     * What the client stamped for one request ({@link System#nanoTime()}).
     *
     * @param prompt the start of its first message as the simulator records it, or null when unknown
     */
    record ClientStream(long scheduledNanos, long sentNanos, long firstTokenNanos, String prompt) {
    }

    /** One request's parts, in milliseconds. */
    record Parts(double sendLag, double accept, double admission, double lateness, double readLag) {

        double client() {
            return sendLag + readLag;
        }

        double simulator() {
            return accept + admission + lateness;
        }
    }

    private final List<ClientStream> sent;
    private final List<Parts> parts;

    /** {@code parts.get(i)} is {@code sent.get(i)}'s. */
    private LagSplit(List<ClientStream> sent, List<Parts> parts) {
        this.sent = List.copyOf(sent);
        this.parts = List.copyOf(parts);
    }

    /**
     * Pairs {@code client} with {@code simulator} by prompt, or by rank (sent order against arrival order).
     *
     * @throws IllegalArgumentException when they do not hold the same number of streams, or a prompt is
     *                                  not the simulator's
     */
    static LagSplit of(List<ClientStream> client, List<StreamTiming> simulator) {
        if (client.size() != simulator.size()) {
            throw new IllegalArgumentException("the client counted " + client.size() + " stream(s) and the simulator "
                    + simulator.size() + ": they cannot be paired");
        }
        List<ClientStream> sent = new ArrayList<>(client);
        sent.sort(Comparator.comparingLong(ClientStream::sentNanos));
        List<StreamTiming> arrived = new ArrayList<>(simulator);
        arrived.sort(Comparator.comparingLong(StreamTiming::arrivedNanos));
        if (sent.stream().allMatch(c -> c.prompt() != null)) {
            Map<String, StreamTiming> byPrompt = new HashMap<>();
            simulator.forEach(t -> byPrompt.put(t.promptStart(), t));
            arrived = new ArrayList<>();
            for (ClientStream c : sent) {
                StreamTiming t = byPrompt.get(c.prompt());
                if (t == null) {
                    throw new IllegalArgumentException("the simulator did not serve '" + c.prompt() + "'");
                }
                arrived.add(t);
            }
        }
        List<Parts> parts = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            ClientStream c = sent.get(i);
            StreamTiming s = arrived.get(i);
            parts.add(new Parts(ms(c.sentNanos() - c.scheduledNanos()), ms(s.arrivedNanos() - c.sentNanos()),
                    ms(s.receiptNanos() - s.arrivedNanos()), ms(s.firstWrittenNanos() - s.firstDueNanos()),
                    ms(c.firstTokenNanos() - s.firstWrittenNanos())));
        }
        return new LagSplit(sent, parts);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    List<Parts> parts() {
        return parts;
    }

    /** One part over every stream; a negative value (streams paired by rank out of order) counts as 0. */
    private Distribution of(java.util.function.ToDoubleFunction<Parts> part) {
        return Distribution.of(parts.stream().map(p -> Math.max(0, part.applyAsDouble(p))).toList());
    }

    Distribution client() {
        return of(Parts::client);
    }

    Distribution simulator() {
        return of(Parts::simulator);
    }

    Distribution sendLag() {
        return of(Parts::sendLag);
    }

    Distribution readLag() {
        return of(Parts::readLag);
    }

    Distribution accept() {
        return of(Parts::accept);
    }

    Distribution lateness() {
        return of(Parts::lateness);
    }

    /**
     * The send lag of the requests due at the first instant (closed loop: every stream's first
     * request, sent in one burst) or, with {@code first} false, of all the others.
     */
    Distribution sendLag(boolean first) {
        long start = sent.stream().mapToLong(ClientStream::scheduledNanos).min().orElse(0);
        List<Double> lags = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if ((sent.get(i).scheduledNanos() == start) == first) {
                lags.add(Math.max(0, parts.get(i).sendLag()));
            }
        }
        return Distribution.of(lags);
    }

    /**
     * Whether the simulator, not the client, was late: its part's p99 is over {@code limitMs} and
     * over the client's p99.
     */
    boolean simulatorBehind(double limitMs) {
        double sim = simulator().percentile(99);
        return sim > limitMs && sim > client().percentile(99);
    }
}
