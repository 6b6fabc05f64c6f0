package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Problem;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.YamlDocuments;
import dev.modelgate.client.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Berkeley Function Calling Leaderboard's files read as tool-calling cases and graded by its
 * rules, on lines written for this test in the leaderboard's format ({@link BfclFixture}).
 */
class BfclCasesTest {

    @TempDir
    Path dir;

    Map<String, ToolCallingCase> cases;

    @BeforeEach
    void load() throws IOException {
        BfclFixture.write(dir);
        Problems problems = new Problems();
        cases = new java.util.TreeMap<>();
        BfclCases.load(Settings.ofMap(Map.of(BfclCases.DIRECTORY, dir.toString())), problems)
                .forEach(c -> cases.put(c.id(), c));
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void eachQuestionIsACaseOfItsCategoryAndTheNewestReleaseIsRead() {
        assertThat(cases.values()).extracting(ToolCallingCase::id, ToolCallingCase::category, ToolCallingCase::tags)
                .containsExactly(
                        tuple("bfcl-irrelevance_0", "irrelevance", List.of("bfcl", "bfcl-irrelevance")),
                        tuple("bfcl-multiple_0", "multiple", List.of("bfcl", "bfcl-multiple")),
                        tuple("bfcl-parallel_0", "parallel", List.of("bfcl", "bfcl-parallel")),
                        tuple("bfcl-parallel_multiple_0", "parallel-multiple", List.of("bfcl", "bfcl-parallel-multiple")),
                        tuple("bfcl-simple_python_0", "simple", List.of("bfcl", "bfcl-simple")),
                        tuple("bfcl-simple_python_1", "simple", List.of("bfcl", "bfcl-simple")),
                        tuple("bfcl-simple_python_2", "simple", List.of("bfcl", "bfcl-simple")));
        ToolCallingCase speaker = cases.get("bfcl-simple_python_2");
        assertThat(speaker.source().displayName()).isEqualTo(dir + "/BFCL_v4_simple_python.json line 4");
        assertThat(ScriptedChatServer.lastUserText(speaker.request())).isEqualTo(BfclFixture.SPEAKER);
        assertThat(cases.get("bfcl-irrelevance_0").expectsNoCall()).isTrue();
    }

    @Test
    void functionDocumentsBecomeOpenAiToolsWithJsonSchemaTypes() throws IOException {
        JsonNode tool = cases.get("bfcl-simple_python_2").request().get("tools").get(0);
        assertThat(tool).isEqualTo(YamlDocuments.JSON.readTree("""
                {"type": "function", "function": {"name": "speaker_schedule",
                 "description": "Play a programme on a speaker during a window of hours.",
                 "parameters": {"type": "object", "properties": {
                   "device": {"type": "string"}, "programme": {"type": "string"},
                   "window": {"type": "array", "items": {"type": "integer"}},
                   "options": {"type": "object", "properties": {"quiet": {"type": "boolean"},
                                                                "volume": {"type": "number"}}}},
                   "required": ["device", "programme", "window"]}}}"""));
        JsonNode climate = cases.get("bfcl-simple_python_1").request().at("/tools/0/function/parameters/properties");
        assertThat(climate.at("/temperature/type").asText()).isEqualTo("number");
        assertThat(climate.at("/mode/enum").toString()).isEqualTo("[\"cool\",\"dry\",\"fan\"]");
        assertThat(climate.at("/unit/default").asText()).isEqualTo("celsius");
        assertThat(cases.get("bfcl-multiple_0").toolNames()).containsExactlyInAnyOrder("maps_drive_time", "get_weather",
                "set_timer");
    }

    @Test
    void stringsAreComparedLowerCasedWithoutSpacesAndSomePunctuation() {
        ToolCallingCase lights = cases.get("bfcl-simple_python_0");
        assertThat(grade(lights, call("home_set_lights", "{\"room\": \"Living-Room\", \"brightness\": 40}")).passed())
                .isTrue();
        assertThat(grade(lights, call("home_set_lights", "{\"room\": \"HALL.\", \"brightness\": 40}")).passed()).isTrue();
        assertThat(grade(lights, call("home_set_lights", "{\"room\": \"kitchen\", \"brightness\": 40}")).reasons())
                .singleElement().asString().startsWith("home_set_lights: room: expected one of [\"living room\",\"hall\"]");
        ToolCallingCase route = cases.get("bfcl-multiple_0");
        assertThat(grade(route, call("maps_drive_time", "{\"origin\": \"indiranagar,bengaluru\","
                + " \"destination\": \"Whitefield\"}")).passed()).isTrue();
        assertThat(grade(route, call("maps_drive_time", "{\"origin\": \"Indira Nagar!\", \"destination\": \"Whitefield\"}"))
                .passed()).as("! is not among the characters the leaderboard removes").isFalse();
        assertThat(BfclValues.standardise("It's 7:30 p.m. - Koramangala_5th*Block^")).isEqualTo("it\"s7:30pmkoramangala5thblock");
    }

    @Test
    void anIntegerPassesForAFloatButNotTheOtherWayRound() {
        ToolCallingCase climate = cases.get("bfcl-simple_python_1");
        assertThat(grade(climate, call("thermostat_set", "{\"room\": \"study\", \"temperature\": 22, \"mode\": \"cool\"}"))
                .passed()).isTrue();
        assertThat(grade(climate, call("thermostat_set", "{\"room\": \"study\", \"temperature\": 22.0, \"mode\": \"cool\"}"))
                .passed()).isTrue();
        assertThat(grade(climate, call("thermostat_set", "{\"room\": \"study\", \"temperature\": \"22\", \"mode\":"
                + " \"cool\"}")).reasons()).containsExactly(
                "thermostat_set: temperature: the tool declares type number, got \"22\" (string)");
        ToolCallingCase lights = cases.get("bfcl-simple_python_0");
        assertThat(grade(lights, call("home_set_lights", "{\"room\": \"hall\", \"brightness\": 40.0}")).reasons())
                .containsExactly("home_set_lights: brightness: the tool declares type integer, got 40.0 (number)");
    }

    @Test
    void anOptionalParameterMayBeLeftOutOnlyWhenTheEmptyStringIsAPossibleAnswer() {
        ToolCallingCase climate = cases.get("bfcl-simple_python_1");
        assertThat(grade(climate, call("thermostat_set", "{\"room\": \"study\", \"temperature\": 22, \"mode\": \"cool\","
                + " \"unit\": \"Celsius\"}")).passed()).as("unit given").isTrue();
        assertThat(grade(climate, call("thermostat_set", "{\"room\": \"study\", \"temperature\": 22}")).reasons())
                .as("mode is optional in the function, but has no \"\" among its possible answers")
                .containsExactly("thermostat_set: missing required argument 'mode'");
        assertThat(grade(climate, call("thermostat_set", "{\"room\": \"study\", \"temperature\": 22, \"mode\": \"cool\","
                + " \"humidity\": 40}")).reasons())
                .containsExactly("thermostat_set: unexpected argument 'humidity' = 40");
        ToolCallingCase lights = cases.get("bfcl-simple_python_0");
        assertThat(grade(lights, call("home_set_lights", "{\"room\": \"hall\", \"brightness\": 40, \"colour\": \"Warm"
                + " White\"}")).passed()).isTrue();
        assertThat(grade(lights, call("home_set_lights", "{\"room\": \"hall\", \"brightness\": 40, \"colour\": \"red\"}"))
                .passed()).as("present, it must still be a possible answer").isFalse();
    }

    @Test
    void listsMatchInOrderAndObjectsKeyByKey() {
        ToolCallingCase speaker = cases.get("bfcl-simple_python_2");
        String base = "\"device\": \"Kitchen Speaker\", \"programme\": \"News\", ";
        assertThat(grade(speaker, call("speaker_schedule", "{" + base + "\"window\": [7, 9], \"options\": {\"quiet\":"
                + " true}}")).passed()).as("volume left out: \"\" is a possible answer").isTrue();
        assertThat(grade(speaker, call("speaker_schedule", "{" + base + "\"window\": [7, 9], \"options\": {\"quiet\":"
                + " true, \"volume\": 0.2}}")).passed()).isTrue();
        assertThat(grade(speaker, call("speaker_schedule", "{" + base + "\"window\": [9, 7], \"options\": {\"quiet\":"
                + " true}}")).reasons()).singleElement().asString().startsWith("speaker_schedule: window: expected one of"
                + " [[7,9]]");
        assertThat(grade(speaker, call("speaker_schedule", "{" + base + "\"window\": [7, 9], \"options\": {\"quiet\":"
                + " true, \"bass\": 3}}")).passed()).as("a key the possible answer lacks").isFalse();
        assertThat(grade(speaker, call("speaker_schedule", "{" + base + "\"window\": [7, 9], \"options\": {\"volume\":"
                + " 0.2}}")).passed()).as("quiet left out without \"\" among its answers").isFalse();
        assertThat(grade(speaker, call("speaker_schedule", "{" + base + "\"window\": [7, 9]}")).reasons())
                .containsExactly("speaker_schedule: missing required argument 'options'");
        assertThat(grade(speaker, call("speaker_schedule", "{\"device\": \"kitchen\", \"programme\": 7, \"window\":"
                + " [7, 9], \"options\": {\"quiet\": true}}")).reasons())
                .containsExactly("speaker_schedule: programme: the tool declares type string, got 7 (integer)");
    }

    @Test
    void parallelCallsMatchInAnyOrderAndTheirNumberMustBeRight() {
        ToolCallingCase weather = cases.get("bfcl-parallel_0");
        assertThat(grade(weather, call("get_weather", "{\"city\": \"Hubli\"}"), call("get_weather", "{\"city\": \"mysore\"}"))
                .passed()).isTrue();
        assertThat(grade(weather, call("get_weather", "{\"city\": \"Mysuru\"}")).reasons().get(0))
                .startsWith("expected 2 calls (get_weather, get_weather), got 1");
        ToolCallingCase morning = cases.get("bfcl-parallel_multiple_0");
        assertThat(grade(morning, call("home_set_lights", "{\"room\": \"hallway\", \"brightness\": 0}"),
                call("set_timer", "{\"seconds\": 600}")).passed()).isTrue();
        ToolCallingCase route = cases.get("bfcl-multiple_0");
        assertThat(grade(route, call("get_weather", "{\"city\": \"Whitefield\"}")).reasons()).containsExactly(
                "no call to maps_drive_time matching maps_drive_time(origin: one of [\"Indiranagar\",\"Indiranagar,"
                        + " Bengaluru\"], destination: one of [\"Whitefield\",\"Whitefield, Bengaluru\"])",
                "unexpected call get_weather{\"city\":\"Whitefield\"}");
    }

    @Test
    void anIrrelevanceQuestionPassesWithoutACall() {
        ToolCallingCase poem = cases.get("bfcl-irrelevance_0");
        assertThat(ToolCallGrader.grade(poem, "Rain on the red earth…", List.of()).passed()).isTrue();
        assertThat(grade(poem, call("get_weather", "{\"city\": \"Bengaluru\"}")).passed()).isFalse();
    }

    @Test
    void problemsInTheFilesNameTheFileTheLineAndTheField(@TempDir Path broken) throws IOException {
        Files.createDirectories(broken.resolve("possible_answer"));
        String timer = BfclFixture.fn("set_timer", "Start a timer.", "{\"seconds\": {\"type\": \"integer\"}}",
                "[\"seconds\"]");
        Files.writeString(broken.resolve("BFCL_v4_simple_python.json"), BfclFixture.question("simple_python_0",
                "Timer for a minute.", timer) + "{\"id\": \"simple_python_1\", \"question\": [[{\"role\": \"user\"\n"
                + "{\"id\": \"simple_python_2\", \"question\": [[{\"role\": \"user\", \"content\": \"Hi\"}]]}\n"
                + BfclFixture.question("simple_python_3", "Timer for two minutes.", timer)
                + BfclFixture.question("simple_python_4", "Timer for three minutes.", timer)
                + "{\"id\": \"simple_python_5\", \"question\": [[{\"role\": \"user\", \"content\": \"a\"}],"
                + " [{\"role\": \"user\", \"content\": \"b\"}]], \"function\": [" + timer + "]}\n");
        Files.writeString(broken.resolve("possible_answer/BFCL_v4_simple_python.json"),
                BfclFixture.answer("simple_python_0", "{\"set_timer\": {\"seconds\": [60]}}")
                        + BfclFixture.answer("simple_python_3", "{\"set_alarm\": {\"time\": [\"07:00\"]}}")
                        + BfclFixture.answer("simple_python_5", "{\"set_timer\": {\"seconds\": [60]}}")
                        + BfclFixture.answer("simple_python_9", "{\"set_timer\": {\"seconds\": 60}}")
                        + BfclFixture.answer("simple_python_2", "{\"set_timer\": {\"seconds\": [60]}}"));
        Problems problems = new Problems();

        List<ToolCallingCase> read = BfclCases.load(Settings.ofMap(Map.of(BfclCases.DIRECTORY, broken.toString(),
                BfclCases.CATEGORIES, "simple, multi_turn_base, parallel")), problems);

        String questions = broken + "/BFCL_v4_simple_python.json";
        String answers = broken + "/possible_answer/BFCL_v4_simple_python.json";
        List<String> lines = new ArrayList<>();
        problems.list().forEach(p -> lines.add(p.file() + " " + p.path() + ": " + p.message()));
        assertThat(problems.list()).extracting(Problem::file, Problem::path).containsExactlyInAnyOrder(
                tuple(BfclCases.CATEGORIES + "=simple, multi_turn_base, parallel", "$"),
                tuple(BfclCases.DIRECTORY + "=" + broken, "$"),
                tuple(questions, "line 2"),
                tuple(questions, "line 3 $.function"),
                tuple(answers, "line 4 $.id"),
                tuple(answers, "line 2 $.ground_truth[0].set_alarm"),
                tuple(questions, "line 5 $.id"),
                tuple(questions, "line 6 $.question"));
        assertThat(lines).contains(
                BfclCases.CATEGORIES + "=simple, multi_turn_base, parallel $: 'multi_turn_base' is a multi-turn"
                        + " category: the leaderboard grades it by running the calls against its own back-ends (file"
                        + " system, trading, travel, …) and comparing their state, which modelgate does not do;"
                        + " categories read: irrelevance, live_irrelevance, live_multiple, live_parallel,"
                        + " live_parallel_multiple, live_simple, multiple, parallel, parallel_multiple, simple",
                BfclCases.DIRECTORY + "=" + broken + " $: has no BFCL_v<N>_parallel.json for category parallel; copy"
                        + " it from the leaderboard's data directory, or leave the category out of "
                        + BfclCases.CATEGORIES,
                answers + " line 2 $.ground_truth[0].set_alarm: names a function the question does not offer; it"
                        + " offers: set_timer",
                answers + " line 4 $.id: 'simple_python_9' has no question in BFCL_v4_simple_python.json",
                questions + " line 3 $.function: is missing or empty; expected the list of function documents offered",
                questions + " line 5 $.id: 'simple_python_4' has no line in possible_answer/BFCL_v4_simple_python.json;"
                        + " a question cannot be graded without its possible answers",
                questions + " line 6 $.question: has 2 turns; the single-turn categories have one (a list holding one"
                        + " list of chat messages)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(questions + " line 2: not valid JSON: "));
        assertThat(read).extracting(ToolCallingCase::id).containsExactly("bfcl-simple_python_0");
    }

    @Test
    void anOlderReleaseIsReadWhenItIsTheOnlyOneAndLiveCategoriesWhenNamed(@TempDir Path older) throws IOException {
        Files.createDirectories(older.resolve("possible_answer"));
        String timer = BfclFixture.fn("set_timer", "Start a timer.", "{\"seconds\": {\"type\": \"integer\"}}",
                "[\"seconds\"]");
        Files.writeString(older.resolve("BFCL_v3_simple.json"), BfclFixture.question("simple_7", "One minute.", timer));
        Files.writeString(older.resolve("possible_answer/BFCL_v3_simple.json"),
                BfclFixture.answer("simple_7", "{\"set_timer\": {\"seconds\": [60]}}"));
        Files.writeString(older.resolve("BFCL_v3_live_simple.json"),
                BfclFixture.question("live_simple_3-1-0", "Two minutes.", timer));
        Files.writeString(older.resolve("possible_answer/BFCL_v3_live_simple.json"),
                BfclFixture.answer("live_simple_3-1-0", "{\"set_timer\": {\"seconds\": [120]}}"));
        Problems problems = new Problems();

        List<ToolCallingCase> read = BfclCases.load(Settings.ofMap(Map.of(BfclCases.DIRECTORY, older.toString(),
                BfclCases.CATEGORIES, "simple,live-simple")), problems);

        assertThat(problems.list()).isEmpty();
        assertThat(read).extracting(ToolCallingCase::id, ToolCallingCase::category, ToolCallingCase::tags)
                .containsExactly(tuple("bfcl-simple_7", "simple", List.of("bfcl", "bfcl-simple")),
                        tuple("bfcl-live_simple_3-1-0", "simple", List.of("bfcl", "bfcl-live-simple")));
    }

    @Test
    void casesOfTheDirectoryJoinTheToolCallingSuite() {
        QualityCases all = QualityCases.load(Settings.ofMap(Map.of(BfclCases.DIRECTORY, dir.toString())));
        QualityCases builtIn = QualityCases.load(Settings.ofMap(Map.of()));
        assertThat(all.toolCalling()).hasSize(builtIn.toolCalling().size() + cases.size());
        assertThat(QualityCases.load(Settings.ofMap(Map.of(BfclCases.DIRECTORY, dir.toString(), BfclCases.CATEGORIES,
                "irrelevance")), new Problems()).toolCalling()).hasSize(builtIn.toolCalling().size() + 1);
    }

    private static ToolCall call(String name, String arguments) {
        return new ToolCall(0, "call", name, arguments);
    }

    private static ToolCallVerdict grade(ToolCallingCase c, ToolCall... calls) {
        List<ToolCall> made = new ArrayList<>();
        for (int i = 0; i < calls.length; i++) {
            made.add(new ToolCall(i, "call_" + i, calls[i].name(), calls[i].arguments()));
        }
        return ToolCallGrader.grade(c, "", made);
    }
}
