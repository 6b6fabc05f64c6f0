package dev.modelgate.build;

/** One class naming another in its class file, with how it was found ({@code jdeps} or {@code annotation}). */
public record ClassEdge(String from, String to, String via) {

    public String fromPackage() {
        return packageOf(from);
    }

    public String toPackage() {
        return packageOf(to);
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    @Override
    public String toString() {
        return from + " -> " + to + (via.equals("jdeps") ? "" : " (" + via + ")");
    }
}
