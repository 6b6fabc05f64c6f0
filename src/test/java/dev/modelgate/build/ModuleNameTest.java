package dev.modelgate.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The jar's manifest names the module {@code dev.modelgate}, the library's root package. */
class ModuleNameTest {

    @Test
    void theJarPluginWritesAutomaticModuleNameDevModelgate() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        String name = XPathFactory.newInstance().newXPath().evaluate(
                "/project/build/plugins/plugin[artifactId='maven-jar-plugin']"
                        + "/configuration/archive/manifestEntries/Automatic-Module-Name", pom);
        assertThat(name).isEqualTo("dev.modelgate");
        assertThat(ModuleDescriptor.newAutomaticModule(name).build().name()).isEqualTo("dev.modelgate");
    }
}
