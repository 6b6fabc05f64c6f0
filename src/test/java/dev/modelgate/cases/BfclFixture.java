package dev.modelgate.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small data directory in the Berkeley Function Calling Leaderboard's own file layout and
 * line format, written for these tests (question files {@code BFCL_v4_<category>.json}, answers in
 * {@code possible_answer/}), with a voice-assistant flavour: one question per category.
 */
public final class BfclFixture {

    /** The user text of each question, by leaderboard id. */
    public static final String LIGHTS = "Dim the living room lights to 40 percent.";
    public static final String CLIMATE = "Set the study thermostat to 22 degrees, cooling.";
    public static final String SPEAKER = "Play news on the kitchen speaker between 7 and 9, quietly.";
    public static final String ROUTE = "How long is the drive from Indiranagar to Whitefield right now?";
    public static final String WEATHER = "Will it rain in Mysuru or in Hubballi today?";
    public static final String MORNING = "Start a 10 minute timer and switch off the hallway lights.";
    public static final String POEM = "Write me a short poem about the monsoon.";

    private BfclFixture() {
    }

    /** Writes the files under {@code dir} and returns it. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("possible_answer"));
        String lights = fn("home.set_lights", "Set the brightness of the lights in a room.",
                "{\"room\": {\"type\": \"string\", \"description\": \"Room name.\"},"
                        + " \"brightness\": {\"type\": \"integer\", \"description\": \"Percent, 0 to 100.\"},"
                        + " \"colour\": {\"type\": \"string\", \"description\": \"Colour of the light.\"}}",
                "[\"room\", \"brightness\"]");
        String climate = fn("thermostat.set", "Set a room's thermostat.",
                "{\"room\": {\"type\": \"string\"}, \"temperature\": {\"type\": \"float\"},"
                        + " \"mode\": {\"type\": \"string\", \"enum\": [\"cool\", \"dry\", \"fan\"]},"
                        + " \"unit\": {\"type\": \"string\", \"default\": \"celsius\"}}",
                "[\"room\", \"temperature\"]");
        String speaker = fn("speaker.schedule", "Play a programme on a speaker during a window of hours.",
                "{\"device\": {\"type\": \"string\"}, \"programme\": {\"type\": \"any\"},"
                        + " \"window\": {\"type\": \"tuple\", \"items\": {\"type\": \"integer\"}},"
                        + " \"options\": {\"type\": \"dict\", \"properties\": {\"quiet\": {\"type\": \"boolean\"},"
                        + " \"volume\": {\"type\": \"float\"}}}}",
                "[\"device\", \"programme\", \"window\"]");
        String route = fn("maps.drive_time", "Driving time between two places.",
                "{\"origin\": {\"type\": \"string\"}, \"destination\": {\"type\": \"string\"}}",
                "[\"origin\", \"destination\"]");
        String weather = fn("get_weather", "Today's weather for a city.",
                "{\"city\": {\"type\": \"string\"}}", "[\"city\"]");
        String timer = fn("set_timer", "Start a countdown timer.",
                "{\"seconds\": {\"type\": \"integer\"}}", "[\"seconds\"]");

        Files.writeString(dir.resolve("BFCL_v4_simple_python.json"),
                question("simple_python_0", LIGHTS, lights) + question("simple_python_1", CLIMATE, climate)
                        + "\n" + question("simple_python_2", SPEAKER, speaker));
        Files.writeString(dir.resolve("possible_answer/BFCL_v4_simple_python.json"),
                answer("simple_python_0", "{\"home.set_lights\": {\"room\": [\"living room\", \"hall\"],"
                        + " \"brightness\": [40], \"colour\": [\"\", \"warm white\"]}}")
                        + answer("simple_python_1", "{\"thermostat.set\": {\"room\": [\"study\"],"
                        + " \"temperature\": [22.0], \"mode\": [\"cool\"], \"unit\": [\"celsius\", \"\"]}}")
                        + answer("simple_python_2", "{\"speaker.schedule\": {\"device\": [\"kitchen speaker\","
                        + " \"kitchen\"], \"programme\": [\"news\"], \"window\": [[7, 9]],"
                        + " \"options\": [{\"quiet\": [true], \"volume\": [\"\", 0.2]}]}}"));
        Files.writeString(dir.resolve("BFCL_v4_multiple.json"), question("multiple_0", ROUTE, route, weather, timer));
        Files.writeString(dir.resolve("possible_answer/BFCL_v4_multiple.json"), answer("multiple_0",
                "{\"maps.drive_time\": {\"origin\": [\"Indiranagar\", \"Indiranagar, Bengaluru\"],"
                        + " \"destination\": [\"Whitefield\", \"Whitefield, Bengaluru\"]}}"));
        Files.writeString(dir.resolve("BFCL_v4_parallel.json"), question("parallel_0", WEATHER, weather));
        Files.writeString(dir.resolve("possible_answer/BFCL_v4_parallel.json"), answer("parallel_0",
                "{\"get_weather\": {\"city\": [\"Mysuru\", \"Mysore\"]}}",
                "{\"get_weather\": {\"city\": [\"Hubballi\", \"Hubli\"]}}"));
        Files.writeString(dir.resolve("BFCL_v4_parallel_multiple.json"),
                question("parallel_multiple_0", MORNING, timer, lights));
        Files.writeString(dir.resolve("possible_answer/BFCL_v4_parallel_multiple.json"), answer("parallel_multiple_0",
                "{\"set_timer\": {\"seconds\": [600]}}",
                "{\"home.set_lights\": {\"room\": [\"hallway\"], \"brightness\": [0]}}"));
        Files.writeString(dir.resolve("BFCL_v4_irrelevance.json"), question("irrelevance_0", POEM, weather, timer));
        // Files of categories modelgate does not read lie beside them in the leaderboard's directory.
        Files.writeString(dir.resolve("BFCL_v4_multi_turn_base.json"), "{\"id\": \"multi_turn_base_0\"}\n");
        Files.writeString(dir.resolve("BFCL_v3_simple.json"), "not read: an older release of the same category\n");
        return dir;
    }

    static String fn(String name, String description, String properties, String required) {
        return "{\"name\": \"" + name + "\", \"description\": \"" + description + "\", \"parameters\": {\"type\":"
                + " \"dict\", \"properties\": " + properties + ", \"required\": " + required + "}}";
    }

    static String question(String id, String text, String... functions) {
        return "{\"id\": \"" + id + "\", \"question\": [[{\"role\": \"user\", \"content\": \"" + text + "\"}]],"
                + " \"function\": [" + String.join(", ", functions) + "]}\n";
    }

    static String answer(String id, String... calls) {
        return "{\"id\": \"" + id + "\", \"ground_truth\": [" + String.join(", ", calls) + "]}\n";
    }
}
