package dev.modelgate;

import dev.modelgate.client.ChatClient;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.measure.memory.BootMemory;
import java.util.Optional;

/**
 * The candidate's boot, for a test that judges the boot itself (the memory requirement): unlike a
 * {@link RunningModel} parameter, a failed boot does not break such a test before it runs; the
 * test sees the {@link BootFailure} and may judge it (e.g. "weights 61 GiB exceed the 20 GiB
 * budget" is a failed requirement, not a broken test).
 */
public interface Boot {

    /** Why the candidate did not boot; empty when it is running. */
    Optional<BootFailure> failure();

    /** The running model; throws the {@link BootFailure} when it did not boot. */
    RunningModel model();

    /** A chat client for the running model; throws the {@link BootFailure} when it did not boot. */
    ChatClient client();

    /** The memory readings taken right before the boot, and the budget it was given. */
    BootMemory memory();
}
