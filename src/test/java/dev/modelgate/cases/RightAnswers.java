package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.modelgate.cases.ScriptedChatServer.Call;
import dev.modelgate.cases.ScriptedChatServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the right answers to the built-in cases from YAML files on the test class path. */
final class RightAnswers {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RightAnswers() {
    }

    static Map<String, Reply> load(String resourceDir) {
        URL url = RightAnswers.class.getClassLoader().getResource(resourceDir);
        if (url == null) {
            throw new IllegalStateException("no " + resourceDir + "/ on the test class path");
        }
        Map<String, Reply> answers = new LinkedHashMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode tree = YAML.readTree(file.toFile());
                for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Path earlier = from.putIfAbsent(e.getKey(), file);
                    if (earlier != null) {
                        throw new IllegalStateException("case " + e.getKey() + " has answers in " + earlier
                                + " and " + file);
                    }
                    answers.put(e.getKey(), reply(file, e.getKey(), e.getValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return answers;
    }

    private static Reply reply(Path file, String id, JsonNode answer) throws IOException {
        if (answer.has("text")) {
            return ScriptedChatServer.text(answer.get("text").asText());
        }
        if (answer.has("entities")) {
            return ScriptedChatServer.text(JSON.writeValueAsString(answer.get("entities")));
        }
        if (answer.has("calls")) {
            List<Call> calls = new ArrayList<>();
            for (JsonNode call : answer.get("calls")) {
                JsonNode arguments = call.path("arguments");
                calls.add(new Call(call.path("name").asText(),
                        arguments.isTextual() ? arguments.asText() : JSON.writeValueAsString(arguments)));
            }
            return new ScriptedChatServer.Calls(calls);
        }
        throw new IllegalStateException(file + ": the answer to " + id + " has none of text, entities, calls");
    }
}
