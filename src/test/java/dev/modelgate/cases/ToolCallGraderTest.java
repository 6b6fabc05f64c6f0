package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.client.ToolCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallGraderTest {

    private static final String TOOLS = """
            messages: [{role: user, content: "request"}]
            tools:
              - type: function
                function:
                  name: get_weather
                  parameters:
                    type: object
                    properties:
                      city: {type: string}
                      unit: {type: string, enum: [celsius, fahrenheit]}
                    required: [city]
              - type: function
                function:
                  name: set_lights
                  parameters:
                    type: object
                    properties:
                      room: {type: string, enum: [kitchen, bedroom, hallway]}
                      brightness: {type: integer}
                      power: {type: string, enum: ["on", "off"]}
                    required: [room]
              - type: function
                function:
                  name: set_thermostat
                  parameters:
                    type: object
                    properties:
                      celsius: {type: number}
                    required: [celsius]
              - type: function
                function:
                  name: create_event
                  parameters:
                    type: object
                    properties:
                      title: {type: string}
                      start:
                        type: object
                        properties:
                          date: {type: string}
                          time: {type: string}
                    required: [title, start]
              - type: function
                function:
                  name: list_alarms
                  parameters: {type: object, properties: {}}
            """;

    private static ToolCallingCase expecting(String expect) {
        return CaseTexts.toolCalling(TOOLS + expect);
    }

    /** Grades an answer that made these calls (name, arguments text, name, arguments text, …) and no text. */
    /** The verdict is a failure, for exactly these reasons in this order. */
    private static void assertFailed(ToolCallVerdict verdict, String... reasons) {
        assertThat(verdict.grade()).isEqualTo(ToolCallVerdict.Grade.FAILED);
        assertThat(verdict.reasons()).containsExactly(reasons);
    }

    private static ToolCallVerdict called(ToolCallingCase c, String... nameThenArguments) {
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < nameThenArguments.length; i += 2) {
            calls.add(new ToolCall(i / 2, "call_" + i, nameThenArguments[i], nameThenArguments[i + 1]));
        }
        return ToolCallGrader.grade(c, "", calls);
    }

    /** Grades an answer of text only. */
    private static ToolCallVerdict answered(ToolCallingCase c, String content) {
        return ToolCallGrader.grade(c, content, List.of());
    }

    private static final ToolCallingCase LIGHTS = expecting("""
            expect:
              calls:
                - name: set_lights
                  arguments:
                    room: kitchen
                    brightness: 30
                    power: {exact: "on", optional: true}
            """);

    @Test
    void anExactCallPassesWhateverTheOrderOfItsArguments() {
        assertThat(called(LIGHTS, "set_lights", "{\"brightness\": 30, \"room\": \"kitchen\"}").passed()).isTrue();
        assertThat(called(LIGHTS, "set_lights", "{\"room\":\"kitchen\",\"power\":\"on\",\"brightness\":30}").passed())
                .isTrue();
    }

    @Test
    void theFunctionNameIsCompared() {
        ToolCallVerdict v = called(LIGHTS, "set_light", "{\"room\": \"kitchen\", \"brightness\": 30}");
        assertFailed(v,
                "no call to set_lights matching set_lights(room: \"kitchen\", brightness: 30, power?: \"on\")",
                "call to a tool that was not offered: set_light{\"room\":\"kitchen\",\"brightness\":30}");
    }

    @Test
    void aMissingRequiredArgumentFailsAndAMissingOptionalOneDoesNot() {
        assertThat(called(LIGHTS, "set_lights", "{\"room\": \"kitchen\"}").reasons())
                .containsExactly("set_lights: missing required argument 'brightness'");
        assertThat(called(LIGHTS, "set_lights", "{\"room\": \"kitchen\", \"brightness\": 30}").passed()).isTrue();
    }

    @Test
    void anOptionalArgumentThatIsPresentMustStillMatch() {
        assertThat(called(LIGHTS, "set_lights", "{\"room\": \"kitchen\", \"brightness\": 30, \"power\": \"off\"}")
                .reasons()).containsExactly("set_lights: power: expected \"on\", got \"off\"");
    }

    @Test
    void typesAreStrictExceptThatAnIntegerIsANumber() {
        assertThat(called(LIGHTS, "set_lights", "{\"room\": \"kitchen\", \"brightness\": 30.0}").reasons())
                .containsExactly("set_lights: brightness: the tool declares type integer, got 30.0 (number)");
        assertThat(called(LIGHTS, "set_lights", "{\"room\": \"kitchen\", \"brightness\": \"30\"}").reasons())
                .containsExactly("set_lights: brightness: the tool declares type integer, got \"30\" (string)");
        ToolCallingCase warm = expecting("""
                expect:
                  calls: [{name: set_thermostat, arguments: {celsius: 22}}]
                """);
        assertThat(called(warm, "set_thermostat", "{\"celsius\": 22.0}").passed()).as("22.0 for a number 22").isTrue();
        assertThat(called(warm, "set_thermostat", "{\"celsius\": 22}").passed()).isTrue();
        ToolCallingCase half = expecting("""
                expect:
                  calls: [{name: set_thermostat, arguments: {celsius: {number: 21.5, tolerance: 0.25}}}]
                """);
        assertThat(called(half, "set_thermostat", "{\"celsius\": 21.75}").passed()).isTrue();
        assertThat(called(half, "set_thermostat", "{\"celsius\": 21}").reasons())
                .containsExactly("set_thermostat: celsius: expected 21.5 ± 0.25, got 21");
    }

    @Test
    void valuesOutsideTheDeclaredEnumFail() {
        ToolCallingCase anyRoom = expecting("""
                expect:
                  calls: [{name: set_lights, arguments: {room: {}}}]
                """);
        assertThat(called(anyRoom, "set_lights", "{\"room\": \"garage\"}").reasons())
                .containsExactly("set_lights: room: \"garage\" is not one of the allowed values"
                        + " [\"kitchen\",\"bedroom\",\"hallway\"]");
        assertThat(called(anyRoom, "set_lights", "{\"room\": \"hallway\"}").passed()).isTrue();
    }

    @Test
    void extraArgumentsFailUnlessAllowedAndThenMustBeDeclared() {
        assertThat(called(LIGHTS, "set_lights", "{\"room\": \"kitchen\", \"brightness\": 30, \"colour\": \"warm\"}")
                .reasons()).containsExactly("set_lights: unexpected argument 'colour' = \"warm\"");
        ToolCallingCase loose = expecting("""
                expect:
                  calls: [{name: set_lights, arguments: {room: kitchen}, allowExtraArguments: true}]
                """);
        assertThat(called(loose, "set_lights", "{\"room\": \"kitchen\", \"brightness\": 55}").passed()).isTrue();
        assertThat(called(loose, "set_lights", "{\"room\": \"kitchen\", \"colour\": \"warm\"}").reasons())
                .containsExactly("set_lights: argument 'colour' is not a parameter of set_lights");
    }

    private static final ToolCallingCase TWO_CITIES = expecting("""
            normalize: {ignoreCase: true}
            expect:
              calls:
                - name: get_weather
                  arguments: {city: {oneOf: [Mysuru, Mysore]}, unit: {optional: true}}
                - name: get_weather
                  arguments: {city: {regex: 'hubballi|hubli'}, unit: {optional: true}}
            """);

    @Test
    void parallelCallsMatchInEitherOrder() {
        assertThat(called(TWO_CITIES, "get_weather", "{\"city\": \"Mysuru\"}", "get_weather", "{\"city\": \"Hubballi\"}")
                .passed()).isTrue();
        assertThat(called(TWO_CITIES, "get_weather", "{\"city\": \"HUBLI\"}", "get_weather",
                "{\"city\": \"mysore\", \"unit\": \"celsius\"}").passed()).isTrue();
    }

    @Test
    void parallelCallsAreAssignedProperlyNotFirstFit() {
        ToolCallingCase overlapping = expecting("""
                expect:
                  calls:
                    - {name: get_weather, arguments: {city: {oneOf: [Mysuru, Hubballi]}}}
                    - {name: get_weather, arguments: {city: Mysuru}}
                """);
        // First-fit gives Mysuru to the first expectation and leaves the second one without a call.
        assertThat(called(overlapping, "get_weather", "{\"city\": \"Mysuru\"}", "get_weather",
                "{\"city\": \"Hubballi\"}").passed()).isTrue();
        assertThat(called(overlapping, "get_weather", "{\"city\": \"Hubballi\"}", "get_weather",
                "{\"city\": \"Hubballi\"}").reasons())
                .containsExactly("get_weather: city: expected \"Mysuru\", got \"Hubballi\"");
    }

    @Test
    void theNumberOfCallsMustBeRight() {
        ToolCallVerdict one = called(TWO_CITIES, "get_weather", "{\"city\": \"Mysuru\"}");
        assertFailed(one,
                "expected 2 calls (get_weather, get_weather), got 1: get_weather{\"city\":\"Mysuru\"}",
                "no call to get_weather matching get_weather(city: /hubballi|hubli/, unit?: any value)");
        ToolCallVerdict three = called(TWO_CITIES, "get_weather", "{\"city\": \"Mysuru\"}", "get_weather",
                "{\"city\": \"Hubli\"}", "get_weather", "{\"city\": \"Hubli\"}");
        assertThat(three.passed()).isFalse();
        assertThat(three.reasons()).contains("unexpected call get_weather{\"city\":\"Hubli\"}");
    }

    @Test
    void nestedObjectsAreMatchedFieldByField() {
        ToolCallingCase event = expecting("""
                normalize: {ignoreCase: true}
                expect:
                  calls:
                    - name: create_event
                      arguments:
                        title: {regex: '.*dentist.*'}
                        start: {fields: {date: "2026-03-14", time: "16:30"}}
                """);
        assertThat(called(event, "create_event",
                "{\"title\": \"Dentist\", \"start\": {\"date\": \"2026-03-14\", \"time\": \"16:30\"}}").passed()).isTrue();
        assertThat(called(event, "create_event",
                "{\"title\": \"Dentist\", \"start\": {\"date\": \"2026-03-14\", \"time\": \"4:30 PM\"}}").reasons())
                .containsExactly("create_event: start.time: expected \"16:30\", got \"4:30 PM\"");
        assertThat(called(event, "create_event",
                "{\"title\": \"Dentist\", \"start\": \"2026-03-14T16:30\"}").reasons())
                .containsExactly("create_event: start: the tool declares type object, got \"2026-03-14T16:30\""
                        + " (string)");
    }

    @Test
    void stringsAreComparedAfterTheCaseNormalisation() {
        ToolCallingCase strict = expecting("""
                expect:
                  calls: [{name: get_weather, arguments: {city: Mysuru}}]
                """);
        assertThat(called(strict, "get_weather", "{\"city\": \"  Mysuru \"}").passed()).as("white space").isTrue();
        assertThat(called(strict, "get_weather", "{\"city\": \"mysuru\"}").passed()).as("case").isFalse();
        assertThat(called(strict, "get_weather", "{\"city\": \"Mysuru\\u0301\"}").passed()).isFalse();
        ToolCallingCase ignoreCase = expecting("""
                expect:
                  calls: [{name: get_weather, arguments: {city: {ignoreCase: Mysuru}}}]
                """);
        assertThat(called(ignoreCase, "get_weather", "{\"city\": \"MYSURU\"}").passed()).isTrue();
        ToolCallingCase punctuation = expecting("""
                normalize: {stripPunctuation: true}
                expect:
                  calls: [{name: create_event, arguments: {title: "MG Road", start: {}}}]
                """);
        assertThat(called(punctuation, "create_event", "{\"title\": \"M.G. Road\", \"start\": {}}").passed()).isTrue();
    }

    @Test
    void argumentsThatAreNotJsonAreUnparsedNotWrongValues() {
        ToolCallVerdict truncated = called(LIGHTS, "set_lights", "{\"room\": \"kitch");
        assertThat(truncated.grade()).isEqualTo(ToolCallVerdict.Grade.UNPARSED);
        assertThat(truncated.reasons()).containsExactly(
                "call set_lights: arguments are not a JSON object: {\"room\": \"kitch");
        assertThat(called(LIGHTS, "set_lights", "[\"kitchen\", 30]").unparsed()).isTrue();
        assertThat(called(LIGHTS, "", "{\"room\": \"kitchen\", \"brightness\": 30}").reasons())
                .containsExactly("call #0 has no function name");
    }

    private static final ToolCallingCase NO_CALL = expecting("""
            expect:
              noCall: true
            """);

    @Test
    void aNoCallCasePassesOnAPlainAnswerAndFailsOnACall() {
        assertThat(answered(NO_CALL, "Why did the elephant paint its toenails red? To hide in cherry trees.").passed())
                .isTrue();
        ToolCallVerdict called = called(NO_CALL, "get_weather", "{\"city\": \"Mysuru\"}");
        assertFailed(called,
                "no tool applies, but the model called get_weather{\"city\":\"Mysuru\"}");
    }

    @Test
    void anUnparsedAnswerIsNeverCreditedAsNoCall() {
        ToolCallVerdict markup = answered(NO_CALL,
                "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Mysuru\"}}</tool_call>");
        assertThat(markup.grade()).isEqualTo(ToolCallVerdict.Grade.UNPARSED);
        assertThat(markup.reasons().get(0)).startsWith("no tool_calls, but the text holds what looks like a call"
                + " (<tool_call>)");
        assertThat(answered(NO_CALL, "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Pune\"}}").unparsed()).isTrue();
        assertThat(answered(NO_CALL, "[get_weather(city=\"Pune\")]").unparsed()).isTrue();
        assertThat(called(NO_CALL, "get_weather", "{\"city\":").unparsed()).isTrue();
    }

    @Test
    void aCallExpectedButOnlyTextAnsweredFailsWithTheText() {
        ToolCallVerdict v = answered(LIGHTS, "Sure, dimming the kitchen lights now.");
        assertFailed(v, "expected set_lights, but the model made no call and answered:"
                + " Sure, dimming the kitchen lights now.");
    }

    @Test
    void blankArgumentsOfAFunctionWithoutParametersAreAnEmptyObject() {
        ToolCallingCase alarms = expecting("""
                expect:
                  calls: [{name: list_alarms}]
                """);
        assertThat(called(alarms, "list_alarms", "").passed()).isTrue();
        assertThat(called(alarms, "list_alarms", "{}").passed()).isTrue();
    }
}
