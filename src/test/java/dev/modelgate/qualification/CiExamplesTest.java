package dev.modelgate.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelgate.docs.DocPages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CI examples under {@code docs/ci/} are valid YAML of their CI system's shape, and every
 * {@code mvn} command in them uses only settings the settings page ({@code docs/settings.md}) documents, profiles the POM defines
 * and goals the project has: a renamed setting cannot leave a broken example behind.
 */
class CiExamplesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path GITHUB = Path.of("docs/ci/github-actions.yml");
    private static final Path GITLAB = Path.of("docs/ci/gitlab-ci.yml");
    /** Maven's and Surefire's own properties the examples may set. */
    private static final Set<String> MAVEN_PROPERTIES = Set.of("maven.test.failure.ignore", "groups", "test",
            "surefire.failIfNoSpecifiedTests");
    private static final Set<String> GOALS = Set.of("test", "verify", "test-compile", "allure:report", "allure:serve",
            "exec:java");
    private static final Set<String> FLAGS = Set.of("-B", "--batch-mode", "-o", "--offline", "-q", "-ntp",
            "--no-transfer-progress", "-e");

    @Test
    void theGithubWorkflowQualifiesAMatrixOnGpuRunnersThenMergesOnce() throws IOException {
        JsonNode jobs = YAML.readTree(GITHUB.toFile()).path("jobs");
        JsonNode qualify = jobs.path("qualify");
        assertThat(qualify.at("/strategy/matrix/model")).isNotEmpty();
        assertThat(qualify.at("/strategy/fail-fast").asBoolean(true)).isFalse();
        assertThat(texts(qualify.path("runs-on"))).contains("self-hosted", "gpu");
        assertThat(uses(qualify)).anyMatch(u -> u.startsWith("actions/upload-artifact@"));
        JsonNode verdict = jobs.path("verdict");
        assertThat(verdict.path("needs").asText()).isEqualTo("qualify");
        assertThat(uses(verdict)).anyMatch(u -> u.startsWith("actions/download-artifact@"));
        List<String> commands = new ArrayList<>();
        jobs.forEach(job -> job.path("steps").forEach(step -> commands.addAll(mvn(step.path("run").asText("")))));
        assertThat(commands).anyMatch(c -> c.contains("-Dmodel=${{ matrix.model }}"))
                .anyMatch(c -> c.contains("-Dmodelgate.merge="));
        commands.forEach(CiExamplesTest::accepted);
    }

    @Test
    void theGitlabPipelineDoesTheSameWithAParallelMatrix() throws IOException {
        JsonNode root = YAML.readTree(GITLAB.toFile());
        JsonNode qualify = root.path("qualify");
        assertThat(qualify.at("/parallel/matrix/0/MODEL")).isNotEmpty();
        assertThat(texts(qualify.path("tags"))).contains("gpu");
        assertThat(texts(qualify.at("/artifacts/paths"))).contains("runs/");
        assertThat(root.at("/verdict/needs/0/job").asText()).isEqualTo("qualify");
        assertThat(texts(root.path("stages"))).containsExactly("qualify", "verdict");
        List<String> commands = new ArrayList<>();
        root.fields().forEachRemaining(job -> {
            for (String key : List.of("before_script", "script", "after_script")) {
                job.getValue().path(key).forEach(line -> commands.addAll(mvn(line.asText())));
            }
        });
        assertThat(commands).anyMatch(c -> c.contains("-Dmodel=$MODEL")).anyMatch(c -> c.contains("-Dmodelgate.merge="));
        commands.forEach(CiExamplesTest::accepted);
    }

    /** Fails naming the command and the part of it the project does not accept. */
    private static void accepted(String command) {
        Set<String> settings = documentedSettings();
        Set<String> profiles = profiles();
        List<String> problems = new ArrayList<>();
        // A CI expression (${{ matrix.model }}) is one value, whatever its spaces.
        List<String> words = Arrays.asList(command.replaceAll("\\$\\{\\{[^}]*}}", "EXPR").trim().split("\\s+"));
        assertThat(words.get(0)).isEqualTo("mvn");
        for (String w : words.subList(1, words.size())) {
            if (w.startsWith("-D")) {
                String key = w.substring(2).split("=", 2)[0];
                if (!settings.contains(key) && !MAVEN_PROPERTIES.contains(key)) {
                    problems.add("unknown setting " + key);
                }
            } else if (w.startsWith("-P")) {
                Arrays.stream(w.substring(2).split(",")).filter(p -> !profiles.contains(p))
                        .forEach(p -> problems.add("unknown profile " + p));
            } else if (w.startsWith("-")) {
                if (!FLAGS.contains(w)) {
                    problems.add("unexpected Maven option " + w);
                }
            } else if (!GOALS.contains(w)) {
                problems.add("unknown goal " + w);
            }
        }
        assertThat(problems).as(command).isEmpty();
    }

    /** The {@code mvn} commands in a shell script (one per line; a trailing backslash continues it). */
    private static List<String> mvn(String script) {
        List<String> out = new ArrayList<>();
        for (String line : script.replace("\\\n", " ").split("\n")) {
            for (String part : line.split("&&|;")) {
                String t = part.trim();
                if (t.startsWith("mvn ")) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Every setting named in the first column of a table of the settings page: {@code model} and {@code modelgate.*}. */
    private static Set<String> documentedSettings() {
        Set<String> names = new TreeSet<>();
        Pattern cell = Pattern.compile("`(?:-D)?(model|modelgate\\.[A-Za-z.]+)`");
        try {
            for (String line : Files.readAllLines(DocPages.path("settings.md"))) {
                if (!line.startsWith("|")) {
                    continue;
                }
                String first = line.split("\\|")[1];
                Matcher m = cell.matcher(first);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    private static Set<String> profiles() {
        Set<String> ids = new TreeSet<>();
        try {
            Matcher m = Pattern.compile("<profile>\\s*<id>([^<]+)</id>").matcher(Files.readString(Path.of("pom.xml")));
            while (m.find()) {
                ids.add(m.group(1));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ids;
    }

    private static List<String> texts(JsonNode node) {
        List<String> t = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> t.add(n.asText()));
        } else if (!node.isMissingNode()) {
            t.add(node.asText());
        }
        return t;
    }

    private static List<String> uses(JsonNode job) {
        List<String> u = new ArrayList<>();
        job.path("steps").forEach(s -> u.add(s.path("uses").asText("")));
        return u;
    }
}
