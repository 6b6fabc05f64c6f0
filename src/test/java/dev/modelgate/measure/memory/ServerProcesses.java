package dev.modelgate.measure.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real process tree standing in for a server: a {@code sh} root with {@code children}
 * {@code sleep} children, like vLLM's API server with its engine core and workers.
 */
public final class ServerProcesses implements AutoCloseable {

    private final Process root;
    private final List<ProcessHandle> children;

    private ServerProcesses(Process root, List<ProcessHandle> children) {
        this.root = root;
        this.children = children;
    }

    /**
     * The root's script: start the children and wait; on TERM wait once more, so that the root
     * reaps its children before it exits (none is left for init to reap).
     */
    public static String script(int children) {
        return "trap : TERM; " + "sleep 120 & ".repeat(children) + "wait; wait";
    }

    public static ServerProcesses start(int children) {
        try {
            Process p = new ProcessBuilder("sh", "-c", script(children)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return new ServerProcesses(p, awaitChildren(p.toHandle(), children));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code root} has {@code n} {@code sleep} children (other children, such as a {@code cat}, do not count). */
    public static List<ProcessHandle> awaitChildren(ProcessHandle root, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> c = root.children()
                    .filter(p -> p.info().command().map(cmd -> cmd.endsWith("/sleep")).orElse(false)).toList();
            if (c.size() >= n) {
                return c;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("process " + root.pid() + " did not start " + n + " children");
    }

    public List<ProcessHandle> children() {
        return children;
    }

    @Override
    public void close() {
        children.forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
        try {
            root.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
