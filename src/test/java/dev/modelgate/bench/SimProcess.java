package dev.modelgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimLauncher;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.StreamTiming;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulator in a JVM of its own (fully compiling, unlike the quick-starting one that tests
 * boot), so that a benchmark's client and the simulator do not share a heap, a collector or a
 * JIT. What it saw comes back through its {@code /sim/streams} endpoint; its
 * {@link System#nanoTime()} stamps compare with the client's because both JVMs read the same
 * monotonic clock of the machine (Linux: {@code CLOCK_MONOTONIC}).
 */
final class SimProcess implements AutoCloseable {

    /**
     * The benchmark's simulator JVM: both JIT tiers, the parallel collector, small thread stacks for
     * 1,000+ handlers, and room for as many idle keep-alive connections (the JDK server closes those
     * over 200 by default, and a client that then reuses one fails with "unexpected end of stream").
     */
    static final String JVM_FLAGS = "-XX:+UseParallelGC -Xms512m -Xmx1g -Xss256k"
            + " -Dsun.net.httpserver.maxIdleConnections=4096";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimScript script;
    private final Process process;
    private final Path dir;
    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What the simulator reported: its peak of chat requests in flight and the streams it completed. */
    record Report(int peakInFlight, List<StreamTiming> streams) {
    }

    private SimProcess(SimScript script, Process process, Path dir, int port) {
        this.script = script;
        this.process = process;
        this.dir = dir;
        this.baseUrl = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * The simulator's scheduling priority below the client's (Linux {@code nice}). On shared cores a
     * request written by the client wakes the simulator's threads, which would otherwise take the
     * core from the client in the middle of a burst of sends; the simulator stands for a server on
     * a machine of its own, so when the two contend it is the one that waits. Its part of the lag
     * shows that wait.
     */
    static final int NICE = 10;

    /** Starts the simulator with {@code script} and waits until it answers {@code /health}. */
    static SimProcess start(SimScript script) {
        try {
            Path dir = Files.createTempDirectory("modelgate-sim-");
            Path vllm = SimLauncher.write(dir, script, JVM_FLAGS, classPath());
            int port = freePort();
            List<String> command = new java.util.ArrayList<>(List.of(vllm.toString(), "serve", script.servedName(),
                    "--port", String.valueOf(port)));
            int nice = Integer.getInteger("bench.simNice", NICE);
            if (nice != 0 && Files.isExecutable(Path.of("/usr/bin/nice"))) {
                command.addAll(0, List.of("/usr/bin/nice", "-n", String.valueOf(nice)));
            }
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("vllm.log").toFile()).start();
            SimProcess sim = new SimProcess(script, p, dir, port);
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "sim-process-stop"));
            sim.awaitHealthy(Duration.ofSeconds(30));
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the simulator exited with " + process.exitValue() + "; log: "
                        + dir.resolve("vllm.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(baseUrl.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not bound yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the simulator started", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the simulator started", e);
            }
        }
        close();
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + baseUrl
                + "/health to return 200; log: " + dir.resolve("vllm.log"));
    }

    URI baseUrl() {
        return baseUrl;
    }

    SimScript script() {
        return script;
    }

    /** The streams the simulator completed from the {@code from}th on, and its peak so far. */
    Report report(int from) {
        try {
            String body = http.send(HttpRequest.newBuilder(baseUrl.resolve("/sim/streams?from=" + from)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonNode tree = JSON.readTree(body);
            StreamTiming[] streams = JSON.treeToValue(tree.path("streams"), StreamTiming[].class);
            return new Report(tree.path("peakInFlight").asInt(), Arrays.asList(streams));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's report from " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the simulator's report", e);
        }
    }

    /** The class path this class was loaded from: the project's, also under {@code mvn exec:java}. */
    private static String classPath() {
        if (SimProcess.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            StringBuilder sb = new StringBuilder();
            for (URL url : loader.getURLs()) {
                try {
                    sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(Path.of(url.toURI()));
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("not a file on the class path: " + url, e);
                }
            }
            return sb.toString();
        }
        return System.getProperty("java.class.path");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TERM, then KILL after 5 s; the process tree goes with it. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
