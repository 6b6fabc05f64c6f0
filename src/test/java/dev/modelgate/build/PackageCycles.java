package dev.modelgate.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The package cycles in a set of class references: the strongly connected components (Tarjan) of
 * the package graph that hold more than one package, each with the class-level references that
 * form it.
 */
public final class PackageCycles {

    /** One cycle: its packages, sorted, and every class reference between two of them. */
    public record Cycle(List<String> packages, List<ClassEdge> edges) {

        public String describe() {
            StringBuilder text = new StringBuilder("cycle among " + String.join(", ", packages) + ":");
            edges.forEach(e -> text.append("\n  ").append(e));
            return text.toString();
        }
    }

    private final Map<String, Set<String>> graph = new TreeMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<Set<String>> components = new ArrayList<>();

    private PackageCycles(Collection<ClassEdge> edges) {
        for (ClassEdge e : edges) {
            graph.computeIfAbsent(e.fromPackage(), p -> new TreeSet<>());
            graph.computeIfAbsent(e.toPackage(), p -> new TreeSet<>());
            if (!e.fromPackage().equals(e.toPackage())) {
                graph.get(e.fromPackage()).add(e.toPackage());
            }
        }
    }

    /** Every package cycle in {@code edges}, in the order of their first package. */
    public static List<Cycle> find(Collection<ClassEdge> edges) {
        PackageCycles search = new PackageCycles(edges);
        for (String p : search.graph.keySet()) {
            if (!search.index.containsKey(p)) {
                search.visit(p);
            }
        }
        List<Cycle> cycles = new ArrayList<>();
        for (Set<String> component : search.components) {
            if (component.size() > 1) {
                List<ClassEdge> inside = edges.stream()
                        .filter(e -> !e.fromPackage().equals(e.toPackage()))
                        .filter(e -> component.contains(e.fromPackage()) && component.contains(e.toPackage()))
                        .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
                cycles.add(new Cycle(List.copyOf(component), inside));
            }
        }
        cycles.sort((a, b) -> a.packages().get(0).compareTo(b.packages().get(0)));
        return cycles;
    }

    private void visit(String p) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        onStack.add(p);
        for (String q : graph.get(p)) {
            if (!index.containsKey(q)) {
                visit(q);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (onStack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            Set<String> component = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                onStack.remove(q);
                component.add(q);
            } while (!q.equals(p));
            components.add(component);
        }
    }
}
