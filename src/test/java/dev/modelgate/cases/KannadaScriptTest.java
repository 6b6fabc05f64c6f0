package dev.modelgate.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KannadaScriptTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // ಕನ್ನಡ is five code points: ಕ ನ ್ (virama, a mark) ನ ಡ
            "ಕನ್ನಡ | 1.0",
            "Hello ಕನ್ನಡ | 0.5",
            // digits and punctuation are not letters
            "ಬೆಂಗಳೂರು 1956! | 1.0",
            // 8 + 7 Kannada code points, 9 Latin letters
            "ಕರ್ನಾಟಕದ ರಾಜಧಾನಿ Bengaluru | 0.625",
            "The capital is Bengaluru. | 0.0",
            // Kannada digits are digits, not letters
            "೧೯೫೬ | 0.0",
            // Devanagari is not Kannada
            "नमस्ते | 0.0"})
    void shareOfLettersInTheKannadaBlock(String text, double share) {
        assertThat(KannadaScript.share(text)).isCloseTo(share, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"''"})
    void emptyTextHasNoShare(String text) {
        assertThat(KannadaScript.share(text)).isZero();
    }
}
