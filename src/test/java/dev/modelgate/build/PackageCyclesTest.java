package dev.modelgate.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.Qualification;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No package cycle among the library's classes ({@code target/classes}), read from the class files
 * with jdeps; and the detector itself on small graphs whose cycles are known.
 */
class PackageCyclesTest {

    @Test
    void noPackageCycleAmongTheLibrarysClasses() throws URISyntaxException {
        Set<ClassEdge> edges = ClassReferences.in(mainClasses(), "dev.modelgate");
        List<PackageCycles.Cycle> cycles = PackageCycles.find(edges);
        assertThat(cycles.stream().map(PackageCycles.Cycle::describe).collect(Collectors.joining("\n")))
                .as("package cycles among the main classes").isEmpty();
    }

    @Test
    void findsTheCycleWithTheClassReferencesThatFormIt() {
        List<ClassEdge> edges = List.of(
                edge("a.A1", "b.B1"), edge("b.B1", "c.C1"), edge("c.C2", "a.A2"), // a -> b -> c -> a
                edge("d.D", "a.A1"), // into the cycle, not part of it
                edge("a.A1", "a.A2"), // within one package
                edge("e.E", "f.F"), edge("f.F", "e.E$Inner"), // a second cycle, through a nested class
                edge("g.G", "h.H"));
        List<PackageCycles.Cycle> cycles = PackageCycles.find(edges);
        assertThat(cycles).extracting(PackageCycles.Cycle::packages)
                .containsExactly(List.of("a", "b", "c"), List.of("e", "f"));
        assertThat(cycles.get(0).describe()).isEqualTo("""
                cycle among a, b, c:
                  a.A1 -> b.B1
                  b.B1 -> c.C1
                  c.C2 -> a.A2""");
        assertThat(cycles.get(1).edges()).containsExactly(edge("e.E", "f.F"), edge("f.F", "e.E$Inner"));
    }

    @Test
    void anAcyclicGraphHasNoCycle() {
        assertThat(PackageCycles.find(List.of(edge("a.A", "b.B"), edge("a.A", "c.C"), edge("b.B", "c.C"),
                edge("c.C", "c.D")))).isEmpty();
    }

    @Test
    void readsReferencesFromJdepsAndTheClassesNamedByAnnotations() throws URISyntaxException {
        Set<ClassEdge> edges = ClassReferences.in(mainClasses(), "dev.modelgate");
        assertThat(edges).contains(
                new ClassEdge("dev.modelgate.Boot", "dev.modelgate.measure.memory.BootMemory", "jdeps"),
                new ClassEdge("dev.modelgate.internal.QualificationRuns", "dev.modelgate.Qualification", "jdeps"),
                // @ExtendWith(QualificationExtension.class) on the annotation: a class value jdeps does not list.
                new ClassEdge("dev.modelgate.Qualification", "dev.modelgate.QualificationExtension", "annotation"));
        assertThat(edges).allSatisfy(e -> {
            assertThat(e.from()).startsWith("dev.modelgate.");
            assertThat(e.to()).startsWith("dev.modelgate.");
        });
    }

    private static ClassEdge edge(String from, String to) {
        return new ClassEdge(from, to, "jdeps");
    }

    private static Path mainClasses() throws URISyntaxException {
        return Path.of(Qualification.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
