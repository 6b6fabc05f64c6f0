package dev.modelgate.faults;

import dev.modelgate.sim.SimLauncher;
import dev.modelgate.sim.SimScript;
import dev.modelgate.testing.Scripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Candidates served by simulators with scripts of their own, for one qualification run: a
 * candidate file per id under {@code models/}, a simulator launcher per id, and one {@code vllm}
 * executable that starts the launcher of the candidate named by {@code --served-model-name}, as
 * the real engine boots vLLM. Every simulator process has this fleet's directory in its command
 * line, so the process table tells whether any of them is still alive.
 */
final class SimFleet {

    private static final Pattern PORT = Pattern.compile("--port (\\d+)");

    private final Path dir;
    private final Map<String, Path> launchers = new LinkedHashMap<>();

    SimFleet(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** A candidate {@code id} on a simulator with {@code script}; {@code engineArgs} go to its engine.args. */
    SimFleet add(String id, SimScript script, String... engineArgs) {
        return add(id, script, 60, engineArgs);
    }

    SimFleet add(String id, SimScript script, int bootTimeoutSeconds, String... engineArgs) {
        StringBuilder args = new StringBuilder();
        for (String a : engineArgs) {
            args.append(args.length() == 0 ? "" : ", ").append('"').append(a).append('"');
        }
        write(models().resolve(id + ".yaml"), """
                name: Simulated %s
                engine: {type: vllm, args: [%s]}
                bootTimeoutSeconds: %d
                facts: {architecture: Qwen3MoeForCausalLM, quantization: FP8, license: Apache-2.0,
                        contextLength: 131072, modalities: [text]}
                """.formatted(id, args, bootTimeoutSeconds));
        launchers.put(id, SimLauncher.write(dir.resolve("bin").resolve(id), script));
        return this;
    }

    Path models() {
        return dir.resolve("models");
    }

    /** The {@code vllm} executable for {@code modelgate.vllm}. */
    Path vllm() {
        StringBuilder cases = new StringBuilder("case \" $* \" in\n");
        launchers.forEach((id, launcher) -> cases.append("  *\" --served-model-name ").append(id).append(" \"*) exec '")
                .append(launcher).append("' \"$@\" ;;\n"));
        cases.append("  *) exec '").append(launchers.values().iterator().next()).append("' \"$@\" ;;\nesac");
        return Scripts.write(dir.resolve("bin"), "vllm", cases.toString());
    }

    /** Whether a simulator of this fleet is running. */
    boolean anyAlive() {
        return Scripts.anyProcessWith(dir.toString());
    }

    /** The simulator processes of candidate {@code id} that are running now. */
    List<ProcessHandle> processesOf(String id) {
        String marker = dir.resolve("bin").resolve(id).resolve("vllm-sim-script.json").toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
    }

    /** The port a simulator process was told to bind. */
    static OptionalInt port(ProcessHandle simulator) {
        Optional<String> line = simulator.info().commandLine();
        if (line.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher m = PORT.matcher(line.get());
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
