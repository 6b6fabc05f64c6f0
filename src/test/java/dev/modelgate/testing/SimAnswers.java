package dev.modelgate.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelgate.cases.QualityCases;
import dev.modelgate.cases.ScriptedAnswers;
import dev.modelgate.cases.ScriptedChatServer;
import dev.modelgate.sim.SimScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The simulator's script for the built-in quality cases: each case's prompt mapped to an answer,
 * right ones by default ({@link ScriptedAnswers#right()}), with chosen cases answered otherwise.
 */
public final class SimAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimAnswers() {
    }

    public static SimScript.Answer[] builtIn(Map<String, ScriptedChatServer.Reply> overrides) {
        QualityCases cases = QualityCases.load(dev.modelgate.catalog.Settings.ofMap(Map.of()));
        Map<String, ScriptedChatServer.Reply> answers = new LinkedHashMap<>(ScriptedAnswers.right());
        answers.putAll(overrides);
        Map<String, String> prompts = new LinkedHashMap<>();
        cases.toolCalling().forEach(c -> prompts.put(c.id(), ScriptedChatServer.lastUserText(c.request())));
        cases.kannadaNative().forEach(c -> prompts.put(c.id(), c.question()));
        cases.vision().forEach(c -> prompts.put(c.id(), c.question()));
        cases.entities().forEach(c -> prompts.put(c.id(), c.text()));
        cases.kannadaEntities().forEach(c -> prompts.put(c.id(), c.text()));
        List<SimScript.Answer> out = new ArrayList<>();
        prompts.forEach((id, prompt) -> out.add(answer(Pattern.quote(prompt), answers.get(id))));
        return out.toArray(SimScript.Answer[]::new);
    }

    private static SimScript.Answer answer(String match, ScriptedChatServer.Reply reply) {
        if (reply instanceof ScriptedChatServer.Text text) {
            SimScript.Answer a = SimScript.Answer.content(match, text.content());
            try {
                return text.content().startsWith("{") ? a.withJson(JSON.readTree(text.content())) : a;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (reply instanceof ScriptedChatServer.Calls calls) {
            return SimScript.Answer.toolCalls(match, calls.calls().stream()
                    .map(c -> SimScript.ScriptedCall.of(c.name(), c.arguments()))
                    .toArray(SimScript.ScriptedCall[]::new));
        }
        throw new IllegalArgumentException("the simulator cannot script " + reply);
    }
}
