package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelgate.engine.BootFailure;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** de.kherud:llama is optional: without it the llamacpp engine names the dependency to add. */
class LlamaBindingTest {

    @Test
    void withoutTheBindingTheEngineNamesTheDependencyToAdd() throws IOException {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> LlamaBinding.require("tiny", bare))
                    .isInstanceOfSatisfying(BootFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(BootFailure.Kind.NOT_INSTALLED))
                    .hasMessageStartingWith("tiny: engine 'llamacpp' needs the llama.cpp binding de.kherud:llama")
                    .hasMessageContaining("<dependency><groupId>de.kherud</groupId><artifactId>llama</artifactId>"
                            + "<version>" + LlamaBinding.VERSION + "</version><scope>test</scope></dependency>");
        }
    }

    @Test
    void withTheBindingOnTheClassPathNothingIsSaid() {
        assertThatCode(() -> LlamaBinding.require("tiny", LlamaBindingTest.class.getClassLoader()))
                .doesNotThrowAnyException();
    }

    @Test
    void theVersionNamedIsTheOneThisBuildDependsOnAsOptional() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<llama.version>([^<]+)</llama.version>").matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(version.group(1)).isEqualTo(LlamaBinding.VERSION);
        assertThat(pom).containsPattern("<artifactId>llama</artifactId>\\s*<version>\\$\\{llama.version}</version>"
                + "\\s*<optional>true</optional>");
    }
}
