package dev.modelgate.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model that could not be brought to ready: the process exited, readiness timed out, the port
 * was taken, the executable is missing, the server does not serve the model. The message says
 * what was expected and quotes the last lines of the server's log.
 */
public class BootFailure extends RuntimeException {

    /**
     * Why the boot failed, for classification in reports. {@code DIED}: the server was ready once
     * and is gone now ({@link ServerDied}).
     */
    public enum Kind { NOT_INSTALLED, EXITED, TIMEOUT, PORT_IN_USE, NOT_SERVED, UNREACHABLE, INVALID, DIED }

    private final Kind kind;
    private final OptionalInt exitCode;
    private final Optional<Path> log;

    public BootFailure(Kind kind, String message, OptionalInt exitCode, Optional<Path> log) {
        super(message);
        this.kind = kind;
        this.exitCode = exitCode;
        this.log = log;
    }

    public BootFailure(Kind kind, String message) {
        this(kind, message, OptionalInt.empty(), Optional.empty());
    }

    public Kind kind() {
        return kind;
    }

    public OptionalInt exitCode() {
        return exitCode;
    }

    public Optional<Path> log() {
        return log;
    }
}
