package dev.modelgate.engine;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Starts an OpenAI-compatible server as a child process on a loopback port and waits until it is
 * ready, the one way every engine that starts a child does it: the log file written from the first
 * byte, {@link Readiness} with the candidate's boot deadline (an early exit ends the wait with the
 * exit code and the last log lines), the boot time measured, and the process stopped when it never
 * became ready or the model could not be built.
 */
public final class ServerLaunch {

    /** A server that answered ready: its process, where it answers, how long it took, its version. */
    public record Ready(ChildProcess child, URI baseUrl, Duration bootTime, Optional<String> version) {
    }

    private final Candidate candidate;
    private final EngineContext context;
    private final URI baseUrl;
    private Duration grace = ChildProcess.DEFAULT_GRACE;
    private Consumer<ChildProcess> stop = ChildProcess::close;
    private String readyNote = "";
    private String announcement;

    private ServerLaunch(Candidate candidate, EngineContext context, int port) {
        this.candidate = candidate;
        this.context = context;
        this.baseUrl = URI.create("http://127.0.0.1:" + port);
    }

    /** A launch of {@code candidate}'s server on {@code port} of the loopback interface. */
    public static ServerLaunch on(Candidate candidate, EngineContext context, int port) {
        return new ServerLaunch(candidate, context, port);
    }

    /** How long stopping waits after TERM before it KILLs (default {@link ChildProcess#DEFAULT_GRACE}). */
    public ServerLaunch grace(Duration grace) {
        this.grace = grace;
        return this;
    }

    /** How a server that did not get ready is stopped (default: {@link ChildProcess#close()}). */
    public ServerLaunch stoppedBy(Consumer<ChildProcess> stop) {
        this.stop = stop;
        return this;
    }

    /** What the console says when it starts (default: "starting" and the command line, secrets redacted). */
    public ServerLaunch announce(String announcement) {
        this.announcement = announcement;
        return this;
    }

    /** Added to the console's "ready at … after … s" line, e.g. {@code " (container …)"}. */
    public ServerLaunch readyNote(String note) {
        this.readyNote = note;
        return this;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Starts {@code command} with extra environment {@code env}, logging to {@code <workDir>/<logName>},
     * waits until it serves the candidate's served name, and builds the running model from it.
     *
     * @throws BootFailure when the server cannot start, exits, times out or does not serve the model;
     *                     the process is stopped first
     */
    public <T extends RunningModel> T start(List<String> command, Map<String, String> env, String logName,
                                            Function<Ready, T> model) {
        String id = candidate.id();
        String served = candidate.servedName();
        context.console().accept("[modelgate] " + id + ": " + (announcement != null ? announcement
                : "starting " + Secret.redact(String.join(" ", command))));
        long start = System.nanoTime();
        ChildProcess child = ChildProcess.start(command, env, context.workDir().resolve(logName), grace);
        try {
            Readiness readiness = new Readiness(baseUrl, served, context.apiKey());
            readiness.await(child, context.bootTimeout(candidate), id, context.console());
            Duration boot = Duration.ofNanos(System.nanoTime() - start);
            context.console().accept("[modelgate] " + id + ": ready at " + baseUrl + " after "
                    + boot.toMillis() / 1000.0 + " s" + readyNote);
            return model.apply(new Ready(child, baseUrl, boot, readiness.version()));
        } catch (RuntimeException e) {
            stop.accept(child);
            throw e;
        }
    }
}
