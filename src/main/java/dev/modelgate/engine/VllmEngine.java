package dev.modelgate.engine;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves a candidate with {@code vllm serve <model> --host 127.0.0.1 --port <free> …} as a child
 * process. The executable is {@code modelgate.vllm} if set, else {@code vllm} on the PATH.
 * An API key goes to the child as {@code VLLM_API_KEY}, never on its command line.
 */
public final class VllmEngine implements Engine {

    @Override
    public String type() {
        return "vllm";
    }

    /** Boots on a fresh port at most this often when the port was taken before the server bound it. */
    static final int PORT_ATTEMPTS = 2;

    /**
     * Starts the server on a free port. The port is free when it is chosen, but the server binds it
     * only after its imports and its model config are read (tens of seconds for vLLM): another
     * process may take it meanwhile. The server then exits with "Address already in use", and the
     * boot is tried once more on another free port; the ports lost are in the engine details.
     */
    @Override
    public RunningModel start(Candidate candidate, EngineContext context) {
        String executable = executable(context.settings());
        String served = candidate.servedName();
        Map<String, String> env = new HashMap<>(candidate.engine().env());
        context.apiKey().ifPresent(k -> env.put("VLLM_API_KEY", k.reveal()));
        Secret.registerSecretLike(env);
        if (candidate.engine().args().stream().anyMatch(a -> a.equals("--port") || a.startsWith("--port="))) {
            throw new BootFailure(BootFailure.Kind.INVALID, candidate.id() + ": cannot start vllm with --port in"
                    + " engine.args: modelgate chooses a free loopback port for every boot and must know it (a later"
                    + " --port wins in vLLM). Remove --port from engine.args.");
        }
        List<String> taken = new ArrayList<>();
        while (true) {
            int port = Ports.free();
            List<String> command = new ArrayList<>(List.of(executable, "serve", candidate.modelReference(),
                    "--host", "127.0.0.1", "--port", String.valueOf(port), "--served-model-name", served));
            if (candidate.huggingFace() != null && candidate.huggingFace().revision() != null) {
                command.addAll(List.of("--revision", candidate.huggingFace().revision()));
            }
            command.addAll(candidate.engine().args());
            Map<String, String> details = taken.isEmpty() ? Map.of() : Map.of("portsTaken", String.join(",", taken));
            try {
                return ServerLaunch.on(candidate, context, port).start(command, env, type() + ".log",
                        ready -> ProcessModel.of(candidate.id(), type(), served, ready, details));
            } catch (BootFailure e) {
                if (e.kind() != BootFailure.Kind.PORT_IN_USE) {
                    throw e;
                }
                taken.add(String.valueOf(port));
                if (taken.size() >= PORT_ATTEMPTS) {
                    throw new BootFailure(e.kind(), e.getMessage() + "\nPorts " + String.join(" and ", taken)
                            + " were each taken by another process between modelgate choosing them and the server"
                            + " binding them: something on this machine is opening ports quickly (another server"
                            + " starting?). Run again when it is done, or stop it.", e.exitCode(), e.log());
                }
                context.console().accept("[modelgate] " + candidate.id() + ": port " + port + " was taken by another"
                        + " process before the server could bind it; starting again on another free port");
            }
        }
    }

    /** {@code vllm --version}: the first line that looks like a version. */
    @Override
    public Optional<String> probeVersion(Candidate candidate, EngineContext context) {
        try {
            Process p = new ProcessBuilder(executable(context.settings()), "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return out.lines().map(String::strip).filter(l -> l.matches("v?[0-9]+\\.[0-9]+.*")).findFirst();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static String executable(Settings settings) {
        Optional<String> configured = settings.get(Settings.VLLM);
        if (configured.isPresent()) {
            return configured.get();
        }
        return onPath("vllm").map(Path::toString).orElseThrow(() -> new BootFailure(BootFailure.Kind.NOT_INSTALLED,
                "vllm is not on the PATH. Install vLLM (pip install vllm) or point -D" + Settings.VLLM
                        + "=/path/to/vllm at it; to test a server that is already running use -D" + Settings.URL
                        + "=http://host:port"));
    }

    /** The first executable named {@code name} on the PATH. */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
