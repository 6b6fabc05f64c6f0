package dev.modelgate.engine;

import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.SimulatorMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Stand-ins for the {@code ollama} and {@code docker} executables, written by tests into a
 * temporary directory: shell scripts that start the vLLM simulator ({@link SimulatorMain}) in a
 * fresh JVM, so that the engines run their real command lines and process handling against it.
 * Each script appends its arguments to {@code calls.log} beside it.
 */
public final class Launchers {

    private static final String JVM_FLAGS = "-XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC";

    private Launchers() {
    }

    /** The file where the scripts in {@code dir} record their command lines, one per line. */
    public static Path calls(Path dir) {
        return dir.resolve("calls.log");
    }

    /**
     * {@code dir/ollama}: {@code ollama serve} starts the simulator in the Ollama dialect on
     * {@code OLLAMA_HOST}, serving {@code script.servedName()}.
     */
    public static Path ollama(Path dir, SimScript script) {
        Path json = save(dir, "ollama-sim-script.json", script);
        String text = "#!/bin/sh\n"
                + "# Ollama stand-in for tests: 'ollama serve' is the modelgate simulator in its Ollama dialect.\n"
                + "printf '%s\\n' \"ollama $*\" >> " + quote(calls(dir)) + "\n"
                + "if [ \"$1\" != serve ]; then echo \"only 'ollama serve' is simulated\" >&2; exit 2; fi\n"
                + "hostport=\"${OLLAMA_HOST:-127.0.0.1:11434}\"\n"
                + "exec " + java() + " " + SimulatorMain.class.getName() + " --sim-script " + quote(json)
                + " serve " + quote(script.servedName()) + " --host \"${hostport%:*}\" --port \"${hostport##*:}\"\n";
        return executable(dir.resolve("ollama"), text);
    }

    /**
     * {@code dir/docker}: {@code run} starts the simulator as the "container" (a child the client
     * waits for, TERM forwarded to it like docker's signal proxy) on the published loopback port,
     * with the arguments after the image as its vLLM command line; {@code stop}, {@code rm -f},
     * {@code inspect --format {{.State.Pid}}} and {@code top} act on it by container name. What
     * secrets reached the client's environment is written to {@code <name>.env} (only whether set).
     */
    public static Path docker(Path dir, SimScript script) {
        Path json = save(dir, "docker-sim-script.json", script);
        Path state = dir.resolve("docker-state");
        String text = "#!/bin/sh\n"
                + "# docker stand-in for tests: containers are modelgate simulator processes.\n"
                + "state=" + quote(state) + "\n"
                + "mkdir -p \"$state\"\n"
                + "printf '%s\\n' \"docker $*\" >> " + quote(calls(dir)) + "\n"
                + "cmd=\"$1\"; shift\n"
                + "case \"$cmd\" in\n"
                + "run)\n"
                + "  name=; port=; image=\n"
                + "  while [ $# -gt 0 ] && [ -z \"$image\" ]; do\n"
                + "    case \"$1\" in\n"
                + "      --name) name=\"$2\"; shift 2;;\n"
                + "      -p) port=\"${2#127.0.0.1:}\"; port=\"${port%%:*}\"; shift 2;;\n"
                + "      -*) shift 2;;\n"
                + "      *) image=\"$1\"; shift;;\n"
                + "    esac\n"
                + "  done\n"
                + "  printf '%s\\n' \"image=$image\" \"HF_TOKEN=${HF_TOKEN:+set}\" \"VLLM_API_KEY=${VLLM_API_KEY:+set}\""
                + " > \"$state/$name.env\"\n"
                + "  " + java() + " " + SimulatorMain.class.getName() + " --sim-script " + quote(json)
                + " \"$@\" --host 127.0.0.1 --port \"$port\" &\n"
                + "  pid=$!\n"
                + "  echo \"$pid\" > \"$state/$name.pid\"\n"
                + "  trap 'kill -TERM $pid 2>/dev/null' TERM INT\n"
                + "  wait \"$pid\"; status=$?\n"
                + "  while kill -0 \"$pid\" 2>/dev/null; do wait \"$pid\"; status=$?; done\n"
                + "  exit $status;;\n"
                + "stop)\n"
                + "  name=\"$3\"; pid=$(cat \"$state/$name.pid\" 2>/dev/null)\n"
                + "  [ -n \"$pid\" ] && kill -TERM \"$pid\" 2>/dev/null\n"
                + "  i=0; while [ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null && [ $i -lt 100 ]; do"
                + " sleep 0.1; i=$((i+1)); done\n"
                + "  echo \"$name\";;\n"
                + "rm)\n"
                + "  name=\"$2\"; pid=$(cat \"$state/$name.pid\" 2>/dev/null)\n"
                + "  [ -n \"$pid\" ] && kill -KILL \"$pid\" 2>/dev/null\n"
                + "  rm -f \"$state/$name.pid\"; echo \"$name\";;\n"
                + "inspect)\n"
                + "  for name; do :; done\n"
                + "  cat \"$state/$name.pid\" 2>/dev/null || { echo \"Error: No such object: $name\" >&2; exit 1; };;\n"
                + "top)\n"
                + "  pid=$(cat \"$state/$1.pid\" 2>/dev/null) || exit 1\n"
                + "  echo PID; echo \"$pid\";;\n"
                + "*) echo \"docker $cmd is not simulated\" >&2; exit 1;;\n"
                + "esac\n";
        return executable(dir.resolve("docker"), text);
    }

    /** The pid the docker stand-in recorded for a container, if it is running. */
    public static long containerPid(Path dir, String container) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("docker-state").resolve(container + ".pid")).strip());
    }

    /** What the docker stand-in saw in its environment for a container: {@code image=…}, {@code HF_TOKEN=set|}… */
    public static String containerEnv(Path dir, String container) throws IOException {
        return Files.readString(dir.resolve("docker-state").resolve(container + ".env"));
    }

    private static Path save(Path dir, String name, SimScript script) {
        Path json = dir.resolve(name).toAbsolutePath();
        script.save(json);
        return json;
    }

    private static String java() {
        return quote(Path.of(System.getProperty("java.home"), "bin", "java")) + " " + JVM_FLAGS + " -cp "
                + quote(System.getProperty("java.class.path"));
    }

    private static Path executable(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(Object s) {
        return "'" + s.toString().replace("'", "'\"'\"'") + "'";
    }
}
