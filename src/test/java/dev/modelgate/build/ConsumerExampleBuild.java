package dev.modelgate.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A build check: {@code examples/consumer}, a team's own project, built and run by Maven against
 * this build's jar. The jar and its pom are installed into a local repository of their own
 * ({@code target/local-repo}); every other artifact comes from the local repository of this build
 * where it has it (nearly everything), else from Maven Central. The consumer qualifies two simulated candidates with its
 * own suite and requirement; this check then reads its results: the build passed, the team's
 * requirement {@code greeting} was judged and passed for the candidate, and the verdict found it
 * qualified (every must-have met: swap or no swap, not disqualified or not established).
 *
 * <p>Arguments: the project directory, the jar, this build's version, its local repository.
 */
public final class ConsumerExampleBuild {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 300;

    private ConsumerExampleBuild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: <project dir> <jar> <version> <local repository>");
        }
        Path project = Path.of(args[0]);
        Path consumer = project.resolve("examples/consumer");
        Path target = project.resolve("target");
        Path repo = target.resolve("local-repo");
        install(project.resolve("pom.xml"), Path.of(args[1]), args[2], repo);
        Path settings = target.resolve("consumer-settings.xml");
        Files.writeString(settings, settings(repo, Path.of(args[3])));
        deleteTree(consumer.resolve("target")); // no clean plugin: it may not be in the local repository
        Path log = target.resolve("consumer-build.log");
        // the local repository also on the command line: a .mvn/maven.config above the example (the outer
        // build's, if it has one) that sets maven.repo.local would otherwise win over the settings file
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repo.toAbsolutePath(), "-f", consumer.resolve("pom.xml").toString(), "verify",
                "-Dmodel=voice-candidate,voice-incumbent"));
        long start = System.nanoTime();
        Process mvn = new ProcessBuilder(command).directory(consumer.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!mvn.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
            throw new IllegalStateException("the consumer example's build ran past " + TIMEOUT_SECONDS + " s; see " + log);
        }
        if (mvn.exitValue() != 0) {
            throw new IllegalStateException("the consumer example's build failed (exit " + mvn.exitValue() + "): "
                    + tail(log));
        }
        check(consumer.resolve("target/modelgate"));
        System.out.printf("consumer example: voice-candidate qualified with its own requirement 'greeting' in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    /** The outcome the example promises, read from its result files. */
    static void check(Path results) throws IOException {
        List<String> wrong = new ArrayList<>();
        JsonNode candidate = JSON.readTree(results.resolve("voice-candidate.json").toFile());
        expect(wrong, "voice-candidate greeting", candidate.at("/requirements/greeting/status").asText(), "passed");
        expect(wrong, "voice-candidate greeting level", candidate.at("/requirements/greeting/level").asText(), "must");
        expect(wrong, "voice-candidate complete", candidate.at("/complete").asText(), "true");
        JsonNode verdict = JSON.readTree(results.resolve("verdict.json").toFile());
        expect(wrong, "verdict baseline", verdict.at("/baseline/id").asText(), "voice-incumbent");
        JsonNode judged = null;
        for (JsonNode c : verdict.path("candidates")) {
            if (c.path("id").asText().equals("voice-candidate")) {
                judged = c;
            }
        }
        if (judged == null) {
            wrong.add("verdict.json judges no voice-candidate: " + verdict.path("candidates"));
        } else if (!List.of("swap", "no swap").contains(judged.path("outcome").asText())) {
            wrong.add("voice-candidate was not qualified (outcome '" + judged.path("outcome").asText() + "'): "
                    + judged.path("reason").asText());
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("the consumer example's results in " + results + " are not as promised: "
                    + wrong);
        }
    }

    private static void expect(List<String> wrong, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            wrong.add(what + " is '" + actual + "', expected '" + expected + "'");
        }
    }

    /** The jar and pom as {@code mvn install} lays them out in a local repository. */
    private static void install(Path pom, Path jar, String version, Path repo) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("dev/modelgate/modelgate").resolve(version));
        Files.copy(jar, dir.resolve("modelgate-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pom, dir.resolve("modelgate-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Local repository {@code repo}; this build's local repository as the first remote one, so that
     * what this build has already fetched is copied from it, and Maven Central after it for what this
     * build's own dependency tree did not need (another version chosen where the trees differ).
     */
    private static String settings(Path repo, Path outer) {
        return """
                <settings>
                  <localRepository>%1$s</localRepository>
                  <profiles>
                    <profile>
                      <id>outer-build</id>
                      <repositories>
                        <repository><id>outer-build</id><url>%2$s</url></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>outer-build</id><url>%2$s</url></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-build</activeProfile></activeProfiles>
                </settings>
                """.formatted(repo.toAbsolutePath(), outer.toAbsolutePath().toUri());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
