package dev.modelgate.sim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The simulator as a process with vLLM's command line:
 * {@code serve <model> [--host H] [--port P] [--served-model-name N] [--api-key K] [--max-model-len N] …}.
 * Other flags (and their values) are accepted and ignored, as a stand-in must. The script comes
 * from {@code --sim-script FILE} or the environment variable {@code MODELGATE_SIM_SCRIPT}; the
 * API key also from {@code VLLM_API_KEY}. It prints vLLM-like start-up lines on stdout, honours
 * the boot faults, and stops on TERM. Like vLLM it binds exactly the {@code --port} it is given,
 * after the boot delay, and exits with code 1 and "Address already in use" when that port is taken.
 */
public final class SimulatorMain {

    static final String SCRIPT_ENV = "MODELGATE_SIM_SCRIPT";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line: boots, serves until the JVM is told to stop, and returns the exit code
     * (0 after {@code --version}, 2 on a usage error). Boot faults exit the JVM with their code.
     */
    public static int run(String[] args) {
        PrintStream out = System.out;
        Optional<CommandLine> parsed;
        try {
            parsed = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("vllm (simulator): error: " + e.getMessage());
            System.err.println("usage: vllm serve <model> [--host H] [--port P] [--served-model-name N] [--api-key K]"
                    + " [--max-model-len N] [--sim-script FILE] [other vllm flags are ignored]");
            return 2;
        }
        if (parsed.isEmpty()) {
            out.println(SimScript.defaults().version());
            return 0;
        }
        CommandLine cli = parsed.get();
        SimScript script = cli.script();
        boot(script, out);
        VllmSimulator sim;
        try {
            sim = VllmSimulator.serve(script, cli.host, cli.port, () -> {
                out.println("ERROR " + stamp() + " [core.py:1] EngineCore encountered a fatal error (simulated crash)");
                out.flush();
                Runtime.getRuntime().halt(1);
            });
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.net.BindException)) {
                throw e;
            }
            // vLLM binds its API socket itself and dies with Python's error when the port is taken.
            out.println("  File \"vllm/entrypoints/openai/api_server.py\", in run_server");
            out.println("    sock.bind((host, port))");
            out.println("OSError: [Errno 98] Address already in use");
            out.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("INFO " + stamp() + " [launcher.py:1] Shutting down FastAPI HTTP server.");
            out.flush();
            sim.close();
            stopped.countDown();
        }, "sim-shutdown"));
        out.println("INFO " + stamp() + " [launcher.py:1] Starting vLLM API server 0 on http://" + cli.host + ":"
                + cli.port);
        out.println("INFO:     Started server process [" + ProcessHandle.current().pid() + "]");
        out.println("INFO:     Waiting for application startup.");
        out.println("INFO:     Application startup complete.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Prints the start-up log over the boot delay; exits here when the script says the boot fails. */
    private static void boot(SimScript script, PrintStream out) {
        SimScript.ExitDuringBoot exit = script.faults().exitDuringBoot();
        long span = exit != null ? exit.afterMs() : script.faults().bootDelayMs();
        long start = System.nanoTime();
        List<String> lines = script.startupLog();
        for (int i = 0; i < lines.size(); i++) {
            pauseUntil(start, span * i / Math.max(1, lines.size()));
            out.println(lines.get(i));
            out.flush();
        }
        pauseUntil(start, span);
        if (exit != null) {
            if (exit.message() != null) {
                out.println(exit.message());
            }
            out.flush();
            System.exit(exit.code());
        }
    }

    private static void pauseUntil(long start, long offsetMs) {
        long wait = offsetMs - (System.nanoTime() - start) / 1_000_000;
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String stamp() {
        return String.format(Locale.ROOT, "%1$tm-%1$td %1$tH:%1$tM:%1$tS", System.currentTimeMillis());
    }

    /** The parsed command line; flags not listed here are skipped with their value. */
    static final class CommandLine {
        String model;
        String host = "127.0.0.1";
        int port = 8000;
        String servedName;
        String apiKey;
        Integer maxModelLen;
        String scriptFile;

        /** Empty for {@code --version}. */
        static Optional<CommandLine> parse(String[] args) {
            List<String> list = new ArrayList<>(List.of(args));
            if (list.contains("--version") || list.contains("-v")) {
                return Optional.empty();
            }
            CommandLine cli = new CommandLine();
            cli.scriptFile = takeScriptFlag(list); // the launcher puts it before the vllm arguments
            if (list.isEmpty() || !list.get(0).equals("serve")) {
                throw new IllegalArgumentException("expected 'serve <model>' but got " + list);
            }
            int i = 1;
            if (i < list.size() && !list.get(i).startsWith("--")) {
                cli.model = list.get(i++);
            }
            while (i < list.size()) {
                String flag = list.get(i++);
                String value = null;
                int eq = flag.indexOf('=');
                if (flag.startsWith("--") && eq > 0) {
                    value = flag.substring(eq + 1);
                    flag = flag.substring(0, eq);
                } else if (i < list.size() && !list.get(i).startsWith("--")) {
                    value = list.get(i++);
                }
                switch (flag) {
                    case "--host" -> cli.host = required(flag, value);
                    case "--port" -> cli.port = Integer.parseInt(required(flag, value));
                    case "--served-model-name" -> {
                        cli.servedName = required(flag, value);
                        while (i < list.size() && !list.get(i).startsWith("--")) {
                            i++; // further aliases: vLLM serves under the first name too
                        }
                    }
                    case "--api-key" -> cli.apiKey = required(flag, value);
                    case "--max-model-len" -> cli.maxModelLen = tokens(required(flag, value));
                    case "--model" -> cli.model = required(flag, value);
                    default -> {
                        // an engine flag the simulator does not model
                    }
                }
            }
            return Optional.of(cli);
        }

        private static String takeScriptFlag(List<String> list) {
            for (int i = 0; i < list.size(); i++) {
                String a = list.get(i);
                if (a.startsWith("--sim-script=")) {
                    list.remove(i);
                    return a.substring("--sim-script=".length());
                }
                if (a.equals("--sim-script")) {
                    list.remove(i);
                    return required(a, i < list.size() ? list.remove(i) : null);
                }
            }
            return null;
        }

        private static String required(String flag, String value) {
            if (value == null) {
                throw new IllegalArgumentException("argument " + flag + ": expected one argument");
            }
            return value;
        }

        /** {@code 4096}, {@code 32k}, {@code 1M} as vLLM reads them. */
        private static int tokens(String v) {
            String s = v.trim().toLowerCase(Locale.ROOT);
            int factor = s.endsWith("k") ? 1024 : s.endsWith("m") ? 1024 * 1024 : 1;
            return Integer.parseInt(factor == 1 ? s : s.substring(0, s.length() - 1)) * factor;
        }

        /**
         * The script with this command line's overrides: the served name (as vLLM: the
         * {@code --served-model-name}, else the model argument), the API key, the context length.
         */
        SimScript script() {
            String file = scriptFile != null ? scriptFile : System.getenv(SCRIPT_ENV);
            SimScript script = file == null || file.isBlank() ? SimScript.defaults() : SimScript.load(Path.of(file));
            SimScript.Builder b = script.toBuilder();
            if (servedName != null) {
                b.servedName(servedName);
            } else if (model != null) {
                b.servedName(model); // vLLM serves under the model argument when no name is given
            }
            String key = apiKey != null ? apiKey : System.getenv("VLLM_API_KEY");
            if (key != null && !key.isBlank()) {
                b.apiKey(key);
            }
            if (maxModelLen != null) {
                b.maxModelLen(maxModelLen);
            }
            return b.build();
        }
    }
}
