package dev.modelgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.internal.QualificationRuns;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The annotation's extension finds the library's implementation through META-INF/services, or says what is missing. */
class QualificationExtensionTest {

    @Test
    void handsTheSuiteToTheRegisteredImplementation() {
        assertThat(new QualificationExtension().provider()).isInstanceOf(QualificationRuns.class);
    }

    @Test
    void withoutARegisteredImplementationItSaysWhatIsMissing() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> new QualificationExtension(empty))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessage("Configuration error: @Qualification needs exactly one"
                            + " dev.modelgate.spi.QualificationProvider in META-INF/services on the class path,"
                            + " found []; put one modelgate jar on the test class path");
        }
    }
}
