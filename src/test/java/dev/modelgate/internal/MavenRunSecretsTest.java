package dev.modelgate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.sim.SimScript;
import dev.modelgate.sim.VllmSimulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's way of qualifying a running server, as a user types it: a real {@code mvn test} of a
 * copy of this project against a simulator that requires a known key, once with
 * {@code -Dmodelgate.apiKey} and once with {@code MODELGATE_API_KEY}. The key must reach the server
 * (else nothing is measured) and no file the build leaves — Surefire's JUnit XML included — may hold it.
 */
class MavenRunSecretsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path project;

    @BeforeAll
    static void copyTheProject() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        project = Files.createDirectories(tmp.resolve("project"));
        Files.copy(root.resolve("pom.xml"), project.resolve("pom.xml"));
        copyTree(root.resolve("src"), project.resolve("src"));
        // Compiled classes with their times, so that the inner build has nothing to compile.
        copyTree(root.resolve("target/classes"), project.resolve("target/classes"));
        copyTree(root.resolve("target/test-classes"), project.resolve("target/test-classes"));
        // The unpacked Allure command line and its marker, so that it is not unpacked again.
        for (String dir : List.of("target/allure-commandline", "target/dependency-maven-plugin-markers")) {
            if (Files.isDirectory(root.resolve(dir))) {
                copyTree(root.resolve(dir), project.resolve(dir));
            }
        }
    }

    @Test
    void theKeyGivenOnTheCommandLineIsUsedAndLandsInNoFile() throws Exception {
        String key = "sk-modelgate-cmdline-" + java.util.UUID.randomUUID();
        qualify(key, List.of("-Dmodelgate.apiKey=" + key), Map.of(), "cmdline");
    }

    @Test
    void theKeyGivenInTheEnvironmentIsUsedAndLandsInNoFile() throws Exception {
        String key = "sk-modelgate-environ-" + java.util.UUID.randomUUID();
        qualify(key, List.of(), Map.of("MODELGATE_API_KEY", key), "environ");
    }

    private static void qualify(String key, List<String> keyArgs, Map<String, String> env, String name)
            throws Exception {
        SimScript script = SimScript.builder().ttftMs(5).interTokenMs(1).outputTokens(6).maxModelLen(131072)
                .apiKey(key).build();
        Path results = tmp.resolve("results-" + name);
        try (VllmSimulator sim = VllmSimulator.start(script)) {
            List<String> command = new ArrayList<>(List.of(maven(), "-o", "-B", "-q", "test",
                    "-Dmodel=sim-model", "-Dmodelgate.url=" + sim.baseUrl(), "-Dmodelgate.results=" + results,
                    "-Dmodelgate.samples=1", "-Dmodelgate.warmup=0", "-Dmodelgate.concurrency=1",
                    "-Dmaven.test.failure.ignore=true",
                    // The requirements that reach the server with the key, and the verdict: a whole suite
                    // adds minutes and no new way for the key to leak.
                    "-Dtest=QualificationSuite#servedContext+ttft,SwapVerdictTests"));
            command.addAll(keyArgs);
            ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("mvn-" + name + ".log").toFile());
            pb.environment().remove("MODELGATE_API_KEY");
            pb.environment().remove("VLLM_API_KEY");
            pb.environment().putAll(env);
            Process mvn = pb.start();
            assertThat(mvn.waitFor(8, TimeUnit.MINUTES)).as("the inner build finished").isTrue();
            assertThat(mvn.exitValue()).as(Files.readString(tmp.resolve("mvn-" + name + ".log"))).isZero();
        }
        JsonNode result = JSON.readTree(results.resolve("sim-model.json").toFile());
        assertThat(result.path("bootFailure").isMissingNode()).as("the server took the key: " + result.path("bootFailure"))
                .isTrue();
        assertThat(result.at("/metrics/ttftMs/n").asInt()).isPositive();

        List<Path> files = files(project.resolve("target"), project.resolve("allure-results"), results);
        assertThat(files).as("JUnit XML of the suite and the verdict")
                .anyMatch(f -> f.getFileName().toString().equals(
                        "TEST-dev.modelgate.qualification.QualificationSuite.xml"))
                .anyMatch(f -> f.getFileName().toString().equals(
                        "TEST-dev.modelgate.qualification.SwapVerdictTests.xml"));
        assertThat(files).anyMatch(f -> f.toString().endsWith("-result.json"));
        List<String> leaks = new ArrayList<>();
        for (Path f : files) {
            if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(key)) {
                leaks.add(project.relativize(f).toString());
            }
        }
        assertThat(leaks).as("files holding the key").isEmpty();
    }

    private static String maven() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path mvn = Path.of(dir, "mvn");
            if (Files.isExecutable(mvn)) {
                return mvn.toString();
            }
        }
        throw new IllegalStateException("mvn is not on the PATH; this test runs a build as a user would");
    }

    private static List<Path> files(Path... roots) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !f.startsWith(root.resolve("allure-commandline")))
                            .forEach(all::add);
                }
            }
        }
        return all;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
