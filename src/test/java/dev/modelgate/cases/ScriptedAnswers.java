package dev.modelgate.cases;

import static dev.modelgate.cases.ScriptedChatServer.call;
import static dev.modelgate.cases.ScriptedChatServer.calls;
import static dev.modelgate.cases.ScriptedChatServer.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.cases.ScriptedChatServer.Call;
import dev.modelgate.cases.ScriptedChatServer.Reply;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Right answers to every built-in case, as a careful model would give them, and a script that
 * finds the case a request is about. Tests replace some answers to make them wrong on purpose.
 */
public final class ScriptedAnswers {

    private ScriptedAnswers() {
    }

    public static Map<String, Reply> right() {
        Map<String, Reply> a = new LinkedHashMap<>();
        a.put("set-timer-minutes", call("set_timer", "{\"duration_seconds\": 1500, \"label\": \"Rice\"}"));
        a.put("thermostat-half-degree", call("set_thermostat",
                "{\"room\": \"bedroom\", \"temperature_celsius\": 21.5, \"mode\": \"heat\"}"));
        a.put("dim-kitchen-lights", call("set_lights", "{\"room\": \"kitchen\", \"brightness\": 30}"));
        a.put("weather-two-cities", calls(new Call("get_weather", "{\"city\": \"Hubballi\"}"),
                new Call("get_weather", "{\"city\": \"Mysuru\", \"unit\": \"celsius\"}")));
        a.put("lights-off-and-timer", calls(new Call("set_timer", "{\"duration_seconds\": 600}"),
                new Call("set_lights", "{\"room\": \"hallway\", \"power\": \"off\"}")));
        a.put("calendar-nested-start", call("create_event", "{\"title\": \"Dentist appointment\", \"start\":"
                + " {\"date\": \"2026-03-14\", \"time\": \"16:30\"}, \"duration_minutes\": 45,"
                + " \"location\": \"Smile Dental, Temple Road\"}"));
        a.put("message-number-from-earlier", call("send_message",
                "{\"recipient_phone\": \"+919845012345\", \"text\": \"I'll be twenty minutes late for dinner.\"}"));
        a.put("reminder-from-tool-result", call("create_reminder",
                "{\"text\": \"Leave for the airport\", \"time\": \"17:45\"}"));
        a.put("no-tool-joke", text("Why do elephants never use computers? They're afraid of the mouse."));
        a.put("no-tool-general-knowledge", text("The Kaveri (Cauvery) flows around Srirangapatna."));

        a.put("team-offsite", text("{\"persons\": [\"Meera Iyer\", \"Rohan Desai\", \"Farah Khan\", \"Vikram Shetty\","
                + " \"Li Wei\", \"Dr. Ananya Kulkarni\", \"Tom Becker\"], \"places\": [\"Coorg\", \"Bengaluru\","
                + " \"Singapore\"]}"));
        a.put("two-cities-by-train", text("{\"persons\": [\"Carlos Mendes\", \"Aiko Tanaka\"], \"places\":"
                + " [\"Lisbon\", \"Porto\"]}"));
        a.put("person-named-like-a-place", text("{\"persons\": [\"Georgia Brooks\", \"Jordan Brooks\"], \"places\":"
                + " [\"Chennai\", \"Georgia\"]}"));
        a.put("no-places", text("{\"persons\": [\"Serena Okafor\", \"Hannah Lindqvist\", \"Pedro Alvarez\"],"
                + " \"places\": []}"));

        a.put("kn-entities-family-trip", text("{\"persons\": [\"ರಮೇಶ್\", \"ಸುಮಾ\", \"ಪ್ರಕಾಶ್\"], \"places\":"
                + " [\"ಮೈಸೂರು\", \"ಶ್ರೀರಂಗಪಟ್ಟಣ\"]}"));
        a.put("kn-entities-school-prize", text("{\"persons\": [\"ಲಕ್ಷ್ಮಿ ಹೆಗಡೆ\", \"ಕಿರಣ್ ಪಾಟೀಲ್\", \"ಗೀತಾ\"],"
                + " \"places\": [\"ಧಾರವಾಡ\", \"ಬೆಳಗಾವಿ\", \"ಹುಬ್ಬಳ್ಳಿ\"]}"));
        a.put("kn-entities-poets", text("{\"persons\": [\"ಕುವೆಂಪು\", \"ದ.ರಾ. ಬೇಂದ್ರೆ\"], \"places\": [\"ಶಿವಮೊಗ್ಗ\","
                + " \"ಕುಪ್ಪಳಿ\", \"ಧಾರವಾಡ\"]}"));
        a.put("kn-native-capital", text("ಕರ್ನಾಟಕದ ರಾಜಧಾನಿ ಬೆಂಗಳೂರು."));
        a.put("kn-native-rajyotsava", text("ಕರ್ನಾಟಕ ರಾಜ್ಯೋತ್ಸವವನ್ನು ಪ್ರತಿ ವರ್ಷ ನವೆಂಬರ್ 1ರಂದು ಆಚರಿಸಲಾಗುತ್ತದೆ."));
        a.put("kn-native-kaveri", text("ಕಾವೇರಿ ನದಿ ಕೊಡಗು ಜಿಲ್ಲೆಯ ಬ್ರಹ್ಮಗಿರಿ ಬೆಟ್ಟದಲ್ಲಿರುವ ತಲಕಾವೇರಿಯಲ್ಲಿ ಹುಟ್ಟುತ್ತದೆ."));

        a.put("solar-bar-chart", text("April has the highest bar; the value written on it is 263."));
        a.put("gate-sign", text("People should use gate 5."));
        a.put("coloured-shapes", text("5"));
        a.put("train-table", text("The Lake Express leaves from platform 2 at 09:40."));
        a.put("clock-face", text("The clock shows 3:40."));
        return a;
    }

    /** A script answering each request with the answer of its case (found by the prompt) from {@code answers}. */
    public static Function<JsonNode, Reply> script(QualityCases cases, Map<String, Reply> answers) {
        Function<JsonNode, String> caseOf = router(cases);
        return body -> {
            String id = caseOf.apply(body);
            Reply reply = answers.get(id);
            if (reply == null) {
                throw new IllegalStateException("no scripted answer for case " + id);
            }
            return reply;
        };
    }

    /** Which case a request is about, from its last user message. */
    public static Function<JsonNode, String> router(QualityCases cases) {
        Map<String, String> exact = new HashMap<>();
        Map<String, String> containing = new HashMap<>();
        cases.toolCalling().forEach(c -> exact.put(ScriptedChatServer.lastUserText(c.request()), c.id()));
        cases.kannadaNative().forEach(c -> exact.put(c.question(), c.id()));
        cases.vision().forEach(c -> exact.put(c.question(), c.id()));
        cases.entities().forEach(c -> containing.put(c.text(), c.id()));
        cases.kannadaEntities().forEach(c -> containing.put(c.text(), c.id()));
        return body -> {
            String prompt = ScriptedChatServer.lastUserText(body);
            String id = exact.get(prompt);
            if (id != null) {
                return id;
            }
            return containing.entrySet().stream().filter(e -> prompt.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no case for prompt: " + prompt));
        };
    }
}
