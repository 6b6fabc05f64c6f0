package dev.modelgate.catalog;

import java.util.ArrayList;
import java.util.List;

/** Collects problems across many files, so that all of them are reported in one message. */
public final class Problems {

    /** Where settings problems are filed: settings come from {@code -D…} or {@code junit-platform.properties}. */
    public static final String SETTINGS = "settings (-D or junit-platform.properties)";

    private final List<Problem> list = new ArrayList<>();

    public void add(String file, String path, String message) {
        list.add(new Problem(file, path, message));
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link CatalogException} naming every problem collected so far, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new CatalogException(list);
        }
    }
}
