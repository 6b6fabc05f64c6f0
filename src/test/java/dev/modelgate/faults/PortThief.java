package dev.modelgate.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Another process's server taking a port in the window between modelgate choosing it (free) and
 * the engine binding it: it watches the process table for the fleet's simulators, reads the
 * {@code --port} each was given, and binds that port first (the simulators, like vLLM, bind only
 * after their start-up). What it serves there is someone else's web service: 404 for everything.
 */
final class PortThief implements AutoCloseable {

    private final SimFleet fleet;
    private final Map<String, Integer> budget;
    private final Set<Long> seen = new HashSet<>();
    private final List<HttpServer> taken = new ArrayList<>();
    private final Map<String, List<Integer>> stolen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stop;

    /** Steals up to {@code budget.get(id)} ports from candidate {@code id}'s boots. */
    PortThief(SimFleet fleet, Map<String, Integer> budget) {
        this.fleet = fleet;
        this.budget = new ConcurrentHashMap<>(budget);
        this.thread = new Thread(this::watch, "port-thief");
        thread.setDaemon(true);
        thread.start();
    }

    /** The ports taken from candidate {@code id}, in order. */
    List<Integer> stolenFrom(String id) {
        return stolen.getOrDefault(id, List.of());
    }

    private void watch() {
        while (!stop) {
            for (String id : budget.keySet()) {
                if (budget.get(id) <= 0) {
                    continue;
                }
                for (ProcessHandle p : fleet.processesOf(id)) {
                    if (!seen.add(p.pid())) {
                        continue;
                    }
                    OptionalInt port = SimFleet.port(p);
                    if (port.isPresent() && take(port.getAsInt())) {
                        stolen.computeIfAbsent(id, k -> new ArrayList<>()).add(port.getAsInt());
                        budget.merge(id, -1, Integer::sum);
                    }
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean take(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            server.start();
            synchronized (taken) {
                taken.add(server);
            }
            return true;
        } catch (IOException e) {
            return false; // the simulator was faster
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(2000);
        synchronized (taken) {
            taken.forEach(s -> s.stop(0));
        }
    }
}
