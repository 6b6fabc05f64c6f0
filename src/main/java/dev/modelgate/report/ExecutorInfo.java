package dev.modelgate.report;

import dev.modelgate.verdict.ResultFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * {@code executor.json}: which CI system ran the build, with its build name, number and link, so
 * the report links back to the build and orders its trend. Written only when {@code CI} is set.
 */
final class ExecutorInfo {

    private ExecutorInfo() {
    }

    /** The content of {@code executor.json}; empty when {@code CI} is unset, empty or {@code false}. */
    public static Optional<String> fromEnvironment(Map<String, String> env) {
        String ci = env.getOrDefault("CI", "");
        if (ci.isBlank() || ci.equalsIgnoreCase("false") || ci.equals("0")) {
            return Optional.empty();
        }
        ObjectNode n;
        if ("true".equalsIgnoreCase(env.get("GITHUB_ACTIONS"))) {
            String url = env.containsKey("GITHUB_SERVER_URL") && env.containsKey("GITHUB_REPOSITORY")
                    && env.containsKey("GITHUB_RUN_ID") ? env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY")
                    + "/actions/runs/" + env.get("GITHUB_RUN_ID") : null;
            n = executor("GitHub Actions", "github", env.getOrDefault("GITHUB_WORKFLOW", "workflow"),
                    env.getOrDefault("GITHUB_RUN_NUMBER", ""), url);
        } else if (env.containsKey("GITLAB_CI")) {
            n = executor("GitLab CI", "gitlab", env.getOrDefault("CI_JOB_NAME", "job"), env.getOrDefault("CI_PIPELINE_IID", ""),
                    env.getOrDefault("CI_JOB_URL", env.get("CI_PIPELINE_URL")));
        } else if (env.containsKey("JENKINS_URL")) {
            n = executor("Jenkins", "jenkins", env.getOrDefault("JOB_NAME", "job"), env.getOrDefault("BUILD_NUMBER", ""),
                    env.get("BUILD_URL"));
            put(n, "url", env.get("JENKINS_URL"));
        } else {
            n = ResultFiles.JSON.createObjectNode().put("name", "CI").put("type", "ci")
                    .put("buildName", "modelgate qualification");
        }
        try {
            return Optional.of(ResultFiles.JSON.writeValueAsString(n));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode executor(String name, String type, String job, String number, String buildUrl) {
        ObjectNode n = ResultFiles.JSON.createObjectNode().put("name", name).put("type", type)
                .put("buildName", job + " #" + number);
        if (number.matches("\\d+")) {
            n.put("buildOrder", Long.parseLong(number));
        }
        put(n, "buildUrl", buildUrl);
        return n;
    }

    private static void put(ObjectNode n, String key, String value) {
        if (value != null && !value.isBlank()) {
            n.put(key, value);
        }
    }
}
