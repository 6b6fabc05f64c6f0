package dev.modelgate.internal;

import dev.modelgate.client.ProtocolError;
import dev.modelgate.client.RequestTimeout;
import dev.modelgate.client.ServerError;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.ServerDied;
import java.util.Optional;

/**
 * The fault counters of the result file ({@code faults.<kind>}) and which error belongs to which.
 * Every kind counts against stability (SPEC §5: 0.1 per fault); a refusal (HTTP 4xx) is the
 * server's answer to what was asked, judged by the requirement, and is no fault.
 */
enum FaultKind {
    /** The server did not reach ready: exit, readiness timeout, port taken, name not served, … */
    BOOT_FAILURES("bootFailures"),
    /** HTTP 5xx, or a {@code data: {"error": …}} event in a stream. */
    SERVER_ERRORS("serverErrors"),
    /** A malformed stream, a dropped connection, anything the client could not read. */
    PROTOCOL_ERRORS("protocolErrors"),
    /** A stalled stream (idle timeout) or a request over its total time. */
    TIMEOUTS("timeouts"),
    /** The server was ready and then died; counted once. */
    SERVER_DIED("serverDied");

    private final String key;

    FaultKind(String key) {
        this.key = key;
    }

    /** The counter's name in {@code faults}. */
    String key() {
        return key;
    }

    /** The kind of {@code error} or of the first error in its causes, if it is a fault. */
    static Optional<FaultKind> of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            Optional<FaultKind> kind = direct(t);
            if (kind.isPresent()) {
                return kind;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<FaultKind> direct(Throwable t) {
        if (t instanceof ServerDied) {
            return Optional.of(SERVER_DIED);
        }
        if (t instanceof BootFailure) {
            return Optional.of(BOOT_FAILURES);
        }
        if (t instanceof ServerError e) {
            return e.midStream() || e.status() >= 500 ? Optional.of(SERVER_ERRORS) : Optional.empty();
        }
        if (t instanceof ProtocolError) {
            return Optional.of(PROTOCOL_ERRORS);
        }
        if (t instanceof RequestTimeout) {
            return Optional.of(TIMEOUTS);
        }
        return Optional.empty();
    }
}
