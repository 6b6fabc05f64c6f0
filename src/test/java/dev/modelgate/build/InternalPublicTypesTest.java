package dev.modelgate.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.Qualification;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Package-private by default: a top-level type of an internal package is public only when another
 * package needs it (the library's other packages, the tests of another package, the consumer
 * example, a service entry), or it is on the short list below, each with its reason.
 */
class InternalPublicTypesTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Path SERVICES = Path.of("src/main/resources/META-INF/services");
    private static final Path EXAMPLES = Path.of("examples");
    private static final Pattern NAMED = Pattern.compile("\\bdev\\.modelgate(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*");

    /** Public although no other package names them. */
    private static final Map<String, String> ALLOWED = Map.of(
            "dev.modelgate.engine.llamacpp.LlamaServerMain", "the main class of the child JVM the engine launches");

    @Test
    void everyPublicTypeOfAnInternalPackageIsUsedByAnotherPackage() throws Exception {
        Set<String> unused = new TreeSet<>(publicTypesOfInternalPackages());
        unused.removeAll(usedFromAnotherPackage());
        unused.removeAll(ALLOWED.keySet());

        assertThat(unused).as("public types of internal packages that no other package uses:"
                + " make them package-private, or say why they stay public in ALLOWED").isEmpty();
    }

    @Test
    void everyAllowedTypeIsPublicAndOtherwiseUnused() throws Exception {
        Set<String> used = usedFromAnotherPackage();

        assertThat(publicTypesOfInternalPackages()).containsAll(ALLOWED.keySet());
        assertThat(ALLOWED.keySet()).as("allowed, but used by another package: not needed on the list")
                .noneMatch(used::contains);
    }

    @Test
    void theCheckSeesPackagePrivateTypesAndUsesThroughMethodCallsOnly() throws Exception {
        Set<String> publicTypes = publicTypesOfInternalPackages();

        assertThat(publicTypes).contains("dev.modelgate.verdict.Baseline", "dev.modelgate.internal.QualificationRuns")
                .doesNotContain("dev.modelgate.verdict.Scorer", "dev.modelgate.Evidence");
        // report and qualification call Baseline's methods without naming the type in their sources
        assertThat(usedFromAnotherPackage()).contains("dev.modelgate.verdict.Baseline",
                "dev.modelgate.internal.QualificationRuns", "dev.modelgate.catalog.preflight.HubPreflight");
    }

    private static Set<String> publicTypesOfInternalPackages() throws Exception {
        Set<String> internal = internalPackages();
        Set<String> types = new TreeSet<>();
        Path classes = classesOf(Qualification.class);
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString()
                        .replace(file.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", "");
                if (!name.contains("$") && !name.endsWith(".package-info")
                        && internal.contains(ClassEdge.packageOf(name))
                        && Modifier.isPublic(Class.forName(name, false, InternalPublicTypesTest.class.getClassLoader())
                                .getModifiers())) {
                    types.add(name);
                }
            }
        }
        return types;
    }

    private static Set<String> internalPackages() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path info : files.filter(f -> f.endsWith("package-info.java")).toList()) {
                if (Files.readString(info).contains("<p><b>Internal</b>: ")) {
                    packages.add(MAIN_SOURCES.relativize(info.getParent()).toString()
                            .replace(info.getFileSystem().getSeparator(), "."));
                }
            }
        }
        return packages;
    }

    /** Top-level types that a class of another package refers to, the consumer example names, or a service entry names. */
    private static Set<String> usedFromAnotherPackage() throws Exception {
        Set<String> used = new TreeSet<>();
        for (Path classes : Set.of(classesOf(Qualification.class), classesOf(InternalPublicTypesTest.class))) {
            for (ClassEdge edge : ClassReferences.in(classes, "dev.modelgate")) {
                if (!edge.fromPackage().equals(edge.toPackage())) {
                    used.add(topLevel(edge.to()));
                }
            }
        }
        for (Path root : Set.of(EXAMPLES, SERVICES)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> root.equals(SERVICES) || f.toString().endsWith(".java")).toList()) {
                    Matcher m = NAMED.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group());
                    }
                }
            }
        }
        return used;
    }

    private static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    private static Path classesOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
