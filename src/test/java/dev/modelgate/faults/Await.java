package dev.modelgate.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bounded waits for what a test of a running harness watches: its result file, its server. */
final class Await {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Pattern RUNNING = Pattern.compile("(?m)^vllm:num_requests_running\\{[^}]*} ([0-9.]+)$");

    private Await() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} after {@code limit}. */
    static void until(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The result file as it is now; a missing or (impossibly) half-written file reads as an empty object. */
    static JsonNode result(Path file) {
        try {
            return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
        } catch (IOException e) {
            throw new AssertionError("result file " + file + " is not readable JSON: " + e.getMessage(), e);
        }
    }

    /** Whether a simulator process of {@code id} is serving a chat request right now (its /metrics say so). */
    static boolean requestInFlight(SimFleet fleet, String id) {
        for (ProcessHandle sim : fleet.processesOf(id)) {
            OptionalInt port = SimFleet.port(sim);
            if (port.isEmpty()) {
                continue;
            }
            try {
                HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port.getAsInt() + "/metrics")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = RUNNING.matcher(metrics.body());
                if (m.find() && Double.parseDouble(m.group(1)) >= 1) {
                    return true;
                }
            } catch (IOException e) {
                // not bound yet, or gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
