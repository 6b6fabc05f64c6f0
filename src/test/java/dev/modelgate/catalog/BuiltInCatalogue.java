package dev.modelgate.catalog;

import java.util.Map;

/** The project's own catalogue (the built-in {@code models/} and {@code requirements.yaml}), loaded once. */
public final class BuiltInCatalogue {

    private static Catalog catalog;

    private BuiltInCatalogue() {
    }

    /** The catalogue; throws the {@link CatalogException} listing every problem if it does not load cleanly. */
    public static synchronized Catalog get() {
        if (catalog == null) {
            Problems problems = new Problems();
            Catalog loaded = CatalogLoader.load(Settings.ofMap(Map.of()), problems);
            problems.throwIfAny();
            catalog = loaded;
        }
        return catalog;
    }

    /** The candidate {@code id}, which must have a file. */
    public static Candidate candidate(String id) {
        return get().candidate(id).orElseThrow(() -> new AssertionError("no candidate file models/" + id + ".yaml"));
    }
}
