package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityScorerTest {

    private static final EntityCase TRIP = CaseTexts.entities("""
            instruction: List every person and every place named in the text.
            text: Dr. Ananya Kulkarni and Rohan Desai drove from Bangalore to Coorg; Rohan drove.
            expect:
              persons:
                - {name: Ananya Kulkarni, aliases: [Dr. Ananya Kulkarni]}
                - {name: Rohan Desai, aliases: [Rohan]}
              places:
                - {name: Bengaluru, aliases: [Bangalore]}
                - {name: Coorg, aliases: [Kodagu]}
            """);

    private static EntityScore score(List<String> persons, List<String> places) {
        return EntityScorer.score(TRIP, new ExtractedEntities(persons, places));
    }

    @Test
    void aPerfectAnswerUnderAliasesCaseAndSpacing() {
        EntityScore s = score(List.of("dr.  ANANYA kulkarni", "Rohan Desai"), List.of("Bengaluru", " Kodagu."));
        assertThat(s.truePositives()).isEqualTo(4);
        assertThat(s.f1()).isEqualTo(1.0);
    }

    @Test
    void twoFormsOfOneEntityCountOnce() {
        EntityScore s = score(List.of("Rohan", "Rohan Desai", "Ananya Kulkarni"), List.of("Bangalore", "Coorg"));
        assertThat(s.truePositives()).isEqualTo(4);
        assertThat(s.falsePositives()).isZero();
    }

    @Test
    void precisionRecallAndF1OnAPartialAnswer() {
        // persons: 1 found, 1 missed, 1 not expected; places: 1 found, 1 missed, 0 not expected
        EntityScore s = score(List.of("Rohan Desai", "Coorg"), List.of("Bengaluru"));
        assertThat(s.truePositives()).isEqualTo(2);
        assertThat(s.falsePositives()).isEqualTo(1);
        assertThat(s.falseNegatives()).isEqualTo(2);
        assertThat(s.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(s.f1()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(s.missed()).containsExactly("Ananya Kulkarni", "Coorg");
        assertThat(s.spurious()).as("a place listed as a person").containsExactly("Coorg");
    }

    @Test
    void scoresPoolOverCases() {
        EntityScore a = new EntityScore(3, 1, 0, List.of("x"), List.of());
        EntityScore b = new EntityScore(1, 0, 3, List.of(), List.of("y", "z", "w"));
        EntityScore total = a.plus(b);
        assertThat(total.precision()).isEqualTo(0.8);
        assertThat(total.recall()).isEqualTo(4.0 / 7);
    }

    @Test
    void emptyAnswersAndEmptyExpectations() {
        assertThat(EntityScorer.unanswered(TRIP).f1()).isZero();
        assertThat(EntityScorer.unanswered(TRIP).falseNegatives()).isEqualTo(4);
        EntityScore nothingExpectedNothingSaid = EntityScorer.category(List.of(), List.of());
        assertThat(nothingExpectedNothingSaid.precision()).isEqualTo(1.0);
        assertThat(nothingExpectedNothingSaid.recall()).isEqualTo(1.0);
        assertThat(EntityScorer.category(List.of(), List.of("Pune")).f1()).isZero();
    }

    @Test
    void namesCompareInNfcWithoutSpacesAfterPeriods() {
        assertThat(EntityNames.normalize("D. R. Bendre")).isEqualTo(EntityNames.normalize("D.R. Bendre"));
        assertThat(EntityNames.normalize("Jose\u0301")).isEqualTo(EntityNames.normalize("José"));
        assertThat(EntityNames.normalize("\"Mysuru.\"")).isEqualTo("mysuru");
        assertThat(EntityNames.normalize("ದ. ರಾ. ಬೇಂದ್ರೆ")).isEqualTo("ದ.ರಾ.ಬೇಂದ್ರೆ");
    }

    @Test
    void readsJsonFromStructuredAndFromChattyAnswers() {
        assertThat(ExtractedEntities.parse("{\"persons\": [\"A\"], \"places\": [\"B\"]}")).contains(
                new ExtractedEntities(List.of("A"), List.of("B")));
        assertThat(ExtractedEntities.parse("Here you go:\n```json\n{\"persons\": [\"A\"], \"places\": []}\n```\nDone."))
                .contains(new ExtractedEntities(List.of("A"), List.of()));
        assertThat(ExtractedEntities.parse("<think>{\"persons\": [\"wrong\"]}</think>The answer is"
                + " {\"persons\": [{\"name\": \"A\"}], \"places\": [\"B\", 7]}")).contains(
                new ExtractedEntities(List.of("A"), List.of("B")));
    }

    @Test
    void answersWithoutTheJsonAreUnreadable() {
        assertThat(ExtractedEntities.parse("The persons are A and B.")).isEmpty();
        assertThat(ExtractedEntities.parse("{\"persons\": [\"A\", \"B")).as("cut off").isEmpty();
        assertThat(ExtractedEntities.parse("{\"people\": [\"A\"]}")).as("other keys").isEmpty();
        assertThat(ExtractedEntities.parse(null)).isEmpty();
    }
}
