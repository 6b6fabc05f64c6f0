package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.cases.ScriptedChatServer.Calls;
import dev.modelgate.cases.ScriptedChatServer.Reply;
import dev.modelgate.cases.ScriptedChatServer.Text;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every built-in case has a right answer in {@code answers/}, and that answer passes the case's own
 * grading: a case no correct model can pass is caught here, without a server. Each case's prompt is
 * unique, so that the simulator can tell the cases apart.
 */
class BuiltInAnswersTest {

    static QualityCases cases;
    static Map<String, Reply> answers;

    @BeforeAll
    static void load() {
        cases = QualityCases.load(Settings.ofMap(Map.of()));
        answers = ScriptedAnswers.right();
    }

    @Test
    void everyCaseHasExactlyTheAnswersItNeeds() {
        List<String> ids = Stream.of(cases.toolCalling().stream().map(ToolCallingCase::id),
                cases.entities().stream().map(EntityCase::id), cases.kannadaEntities().stream().map(EntityCase::id),
                cases.kannadaNative().stream().map(NativeResponseCase::id), cases.vision().stream().map(VisionCase::id))
                .flatMap(s -> s).toList();
        assertThat(answers.keySet()).as("answers/ against the built-in cases").containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void rightToolCallsPass() {
        List<String> failures = new ArrayList<>();
        for (ToolCallingCase c : cases.toolCalling()) {
            Reply reply = answers.get(c.id());
            ToolCallVerdict v;
            if (reply instanceof Calls calls) {
                List<ToolCall> made = IntStream.range(0, calls.calls().size()).mapToObj(i -> new ToolCall(i,
                        "call_" + i, calls.calls().get(i).name(), calls.calls().get(i).arguments())).toList();
                v = ToolCallGrader.grade(c, "", made);
            } else {
                v = ToolCallGrader.grade(c, ((Text) reply).content(), List.of());
            }
            if (!v.passed()) {
                failures.add(c.id() + ": " + v.reasons());
            }
        }
        assertThat(failures).as("right answers the grader fails").isEmpty();
    }

    @Test
    void rightEntityListsScoreOne() {
        List<String> failures = new ArrayList<>();
        for (EntityCase c : Stream.concat(cases.entities().stream(), cases.kannadaEntities().stream()).toList()) {
            String text = ((Text) answers.get(c.id())).content();
            EntityScore s = EntityScorer.score(c, ExtractedEntities.parse(text).orElseThrow());
            if (s.falsePositives() + s.falseNegatives() > 0) {
                failures.add(c.id() + ": spurious " + s.spurious() + ", missed " + s.missed());
            }
        }
        assertThat(failures).as("right entity answers that do not score F1 = 1").isEmpty();
    }

    @Test
    void rightFreeTextAnswersPass() {
        List<String> failures = new ArrayList<>();
        for (NativeResponseCase c : cases.kannadaNative()) {
            AnswerVerdict v = AnswerVerdict.nativeResponse(c, ((Text) answers.get(c.id())).content());
            if (!v.passed()) {
                failures.add(c.id() + ": " + v.reasons());
            }
        }
        for (VisionCase c : cases.vision()) {
            AnswerVerdict v = AnswerVerdict.vision(c, ((Text) answers.get(c.id())).content());
            if (!v.passed()) {
                failures.add(c.id() + ": " + v.reasons());
            }
        }
        assertThat(failures).as("right answers the grader fails").isEmpty();
    }

    @Test
    void everyPromptTellsItsCaseApart() {
        Map<String, String> seen = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        cases.toolCalling().forEach(c -> claim(seen, clashes, ScriptedChatServer.lastUserText(c.request()), c.id()));
        cases.kannadaNative().forEach(c -> claim(seen, clashes, c.question(), c.id()));
        cases.vision().forEach(c -> claim(seen, clashes, c.question(), c.id()));
        List<EntityCase> texts = Stream.concat(cases.entities().stream(), cases.kannadaEntities().stream()).toList();
        for (EntityCase a : texts) {
            for (EntityCase b : texts) {
                if (a != b && a.text().contains(b.text())) {
                    clashes.add(b.id() + "'s text is inside " + a.id() + "'s");
                }
            }
        }
        assertThat(clashes).as("cases the simulator could not tell apart").isEmpty();
    }

    private static void claim(Map<String, String> seen, List<String> clashes, String prompt, String id) {
        String other = seen.putIfAbsent(prompt, id);
        if (other != null) {
            clashes.add(id + " and " + other + " end on the same user text: " + prompt);
        }
    }
}
