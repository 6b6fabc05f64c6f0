package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPhrasesTest {

    @ParameterizedTest(name = "\"{1}\" in \"{0}\": {2}")
    @CsvSource(delimiter = '|', value = {
            "There are 5 blue squares. | 5 | true",
            "There are 15 blue squares. | 5 | false",
            "It shows 3:40. | 3:40 | true",
            "It shows 13:40. | 3:40 | false",
            "Platform 2 at 09:40 | 9:40 | false",
            "Platform 2 at 09:40 | 09:40 | true",
            "Reddish circles | red | false",
            "RED circles | red | true",
            "April, with 263 kWh | apr | false",
            "ನವೆಂಬರ್ 1ರಂದು ಆಚರಿಸಲಾಗುತ್ತದೆ | 1 | true",
            "ಬೆಂಗಳೂರಿನಲ್ಲಿ ಇದೆ | ಬೆಂಗಳೂರ | true",
            "ಕೊಡಗು ಜಿಲ್ಲೆ | ಕೊಡಗ | true",
            "twenty   to four | twenty to four | true"})
    void findsPhrasesWithNumberAndWordBoundaries(String text, String phrase, boolean found) {
        assertThat(KeyPhrases.contains(text, phrase)).isEqualTo(found);
    }

    @Test
    void comparesInNfc() {
        assertThat(KeyPhrases.contains("Cafe\u0301 Coffee Day", "Café")).isTrue();
    }

    @Test
    void reportsTheEntriesOfWhichNoAlternativeAppears() {
        assertThat(KeyPhrases.missing("It is April.", List.of(List.of("april", "apr"), List.of("263"))))
                .containsExactly("\"263\"");
        assertThat(KeyPhrases.missing("263", List.of(List.of("april", "apr")))).containsExactly("(\"april\" or \"apr\")");
    }
}
