package dev.modelgate.measure.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in {@code nvidia-smi}: a shell script in a temporary directory that prints fixture text
 * for the two queries modelgate sends (compute apps, GPU memory), logs every call's arguments, and
 * fails on anything else. Point {@code modelgate.nvidiaSmi} at {@link #executable()}.
 */
public final class FakeNvidiaSmi {

    private final Path dir;

    private FakeNvidiaSmi(Path dir) {
        this.dir = dir;
    }

    /**
     * @param computeApps what {@code --query-compute-apps=…} prints (e.g. a fixture with the pid of a
     *                    real process substituted)
     * @param gpus        what {@code --query-gpu=…} prints
     */
    public static FakeNvidiaSmi printing(Path dir, String computeApps, String gpus) {
        try {
            Files.writeString(dir.resolve("compute-apps.out"), computeApps);
            Files.writeString(dir.resolve("query-gpu.out"), gpus);
            Path script = dir.resolve("nvidia-smi");
            Files.writeString(script, String.join("\n",
                    "#!/bin/sh",
                    "here=$(dirname \"$0\")",
                    "echo \"$*\" >> \"$here/calls.log\"",
                    "case \"$*\" in",
                    "  *--query-compute-apps=*) cat \"$here/compute-apps.out\" ;;",
                    "  *--query-gpu=index,memory.reserved*) if [ -e \"$here/reserved.out\" ]; then cat \"$here/reserved.out\";"
                            + " else echo 'Field \"memory.reserved\" is not a valid field to query.'; exit 2; fi ;;",
                    "  *--query-gpu=*) cat \"$here/query-gpu.out\" ;;",
                    "  *) echo \"fake nvidia-smi: unexpected arguments: $*\" >&2; exit 9 ;;",
                    "esac",
                    ""));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new FakeNvidiaSmi(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fake that fails the way nvidia-smi does without a driver. */
    public static FakeNvidiaSmi failing(Path dir) {
        try {
            Path script = dir.resolve("nvidia-smi");
            Files.writeString(script, "#!/bin/sh\necho \"NVIDIA-SMI has failed because it couldn't communicate with"
                    + " the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\"\nexit 9\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new FakeNvidiaSmi(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code --query-gpu=index,memory.reserved} print {@code text} (else it fails as on old drivers). */
    public FakeNvidiaSmi reserving(String text) {
        try {
            Files.writeString(dir.resolve("reserved.out"), text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String executable() {
        return dir.resolve("nvidia-smi").toString();
    }

    /** The argument lists it was called with, one per line. */
    public List<String> calls() {
        try {
            Path log = dir.resolve("calls.log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code fixture} with the captured pid 423 at the start of a row replaced by {@code pid}. */
    public static String withPid(String fixture, long pid) {
        return fixture.replaceAll("(?m)^423,", pid + ",");
    }
}
