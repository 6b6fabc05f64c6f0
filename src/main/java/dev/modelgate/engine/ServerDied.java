package dev.modelgate.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server was ready and then died: during the test that this breaks, or in an earlier one.
 * It is a {@link BootFailure} of kind {@link BootFailure.Kind#DIED}, so every later test that needs
 * the server is broken by it the way a failed boot breaks them; the message gives the exit code
 * and the last lines of the server's log, which usually say why (out of memory, a CUDA error, a
 * crashed engine core).
 */
public final class ServerDied extends BootFailure {

    public ServerDied(String message, OptionalInt exitCode, Optional<Path> log, Throwable cause) {
        super(Kind.DIED, message, exitCode, log);
        if (cause != null) {
            initCause(cause);
        }
    }
}
