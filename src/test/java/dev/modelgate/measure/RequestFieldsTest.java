package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.CatalogLoader;
import dev.modelgate.catalog.Problems;
import dev.modelgate.client.ChatRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A candidate's request fields: read from its file, and merged into its requests. */
class RequestFieldsTest {

    @TempDir
    Path dir;

    @Test
    void aCandidateFileSetsFieldsForPerformanceAndQualityRuns() throws Exception {
        Files.writeString(dir.resolve("thinker.yaml"), """
                name: Thinker
                engine: {type: external, url: "http://127.0.0.1:9"}
                requestFields:
                  performance:
                    chat_template_kwargs: {enable_thinking: true}
                  quality:
                    chat_template_kwargs: {enable_thinking: false}
                    temperature: 0
                """);
        Problems problems = new Problems();
        Map<String, Candidate> candidates = new LinkedHashMap<>();

        CatalogLoader.loadCandidates(dir, "models/", candidates, problems);

        assertThat(problems.list()).isEmpty();
        Candidate c = candidates.get("thinker");
        assertThat(c.requestFields().performance().toString())
                .isEqualTo("{\"chat_template_kwargs\":{\"enable_thinking\":true}}");
        ChatRequest request = ChatRequest.user("hi");
        request.set("chat_template_kwargs", JsonNodeFactory.instance.objectNode().put("keep", 1));
        assertThat(request.withFields(c.requestFields().quality()).toBody("m", false).toString())
                .as("objects merge, other values replace")
                .contains("\"chat_template_kwargs\":{\"keep\":1,\"enable_thinking\":false}")
                .contains("\"temperature\":0");
    }

    @Test
    void aMisspeltRequestFieldsKindIsAConfigurationProblem() throws Exception {
        Files.writeString(dir.resolve("typo.yaml"), """
                name: Typo
                engine: {type: external, url: "http://127.0.0.1:9"}
                requestFields:
                  perfomance: {temperature: 0}
                """);
        Problems problems = new Problems();

        CatalogLoader.loadCandidates(dir, "models/", new LinkedHashMap<>(), problems);

        assertThat(problems.list()).anySatisfy(p -> assertThat(p.toString()).contains("typo.yaml")
                .contains("requestFields"));
    }
}
