package dev.modelgate.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.verdict.CandidateResult;
import java.util.Map;
import java.util.Optional;

/**
 * {@code executor.json}: which CI system ran the build, with its build name, number and link, so
 * the report links back to the build and orders its trend. Written only when {@code CI} is set.
 */
public final class ExecutorInfo {

    private ExecutorInfo() {
    }

    /** The content of {@code executor.json}; empty when {@code CI} is unset, empty or {@code false}. */
    public static Optional<String> fromEnvironment(Map<String, String> env) {
        String ci = env.getOrDefault("CI", "");
        if (ci.isBlank() || ci.equalsIgnoreCase("false") || ci.equals("0")) {
            return Optional.empty();
        }
        ObjectNode n = CandidateResult.JSON.createObjectNode();
        if ("true".equalsIgnoreCase(env.get("GITHUB_ACTIONS"))) {
            String run = env.getOrDefault("GITHUB_RUN_NUMBER", "");
            n.put("name", "GitHub Actions");
            n.put("type", "github");
            n.put("buildName", env.getOrDefault("GITHUB_WORKFLOW", "workflow") + " #" + run);
            order(n, run);
            if (env.containsKey("GITHUB_SERVER_URL") && env.containsKey("GITHUB_REPOSITORY") && env.containsKey("GITHUB_RUN_ID")) {
                n.put("buildUrl", env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY") + "/actions/runs/"
                        + env.get("GITHUB_RUN_ID"));
            }
        } else if (env.containsKey("GITLAB_CI")) {
            String run = env.getOrDefault("CI_PIPELINE_IID", "");
            n.put("name", "GitLab CI");
            n.put("type", "gitlab");
            n.put("buildName", env.getOrDefault("CI_JOB_NAME", "job") + " #" + run);
            order(n, run);
            put(n, "buildUrl", env.getOrDefault("CI_JOB_URL", env.get("CI_PIPELINE_URL")));
        } else if (env.containsKey("JENKINS_URL")) {
            String run = env.getOrDefault("BUILD_NUMBER", "");
            n.put("name", "Jenkins");
            n.put("type", "jenkins");
            n.put("buildName", env.getOrDefault("JOB_NAME", "job") + " #" + run);
            order(n, run);
            put(n, "buildUrl", env.get("BUILD_URL"));
            put(n, "url", env.get("JENKINS_URL"));
        } else {
            n.put("name", "CI");
            n.put("type", "ci");
            n.put("buildName", "modelgate qualification");
        }
        try {
            return Optional.of(CandidateResult.JSON.writeValueAsString(n));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void order(ObjectNode n, String number) {
        if (number.matches("\\d+")) {
            n.put("buildOrder", Long.parseLong(number));
        }
    }

    private static void put(ObjectNode n, String key, String value) {
        if (value != null && !value.isBlank()) {
            n.put(key, value);
        }
    }
}
