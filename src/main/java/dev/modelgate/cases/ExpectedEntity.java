package dev.modelgate.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * A person or place the text names, with the other forms that count as the same entity
 * (spellings, transliterations, titles, inflected forms).
 */
record ExpectedEntity(String name, List<String> aliases) {

    public ExpectedEntity {
        aliases = List.copyOf(aliases);
    }

    /** The name and every alias. */
    public List<String> forms() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(aliases);
        return all;
    }
}
