package dev.modelgate.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores an extraction per category (persons, places): an answered name that equals, after
 * {@link EntityNames#normalize}, the name or an alias of an expected entity of the same category
 * finds it; several answered forms of one entity count once; a name in the wrong category is a
 * false positive there and a miss in its own.
 */
final class EntityScorer {

    private EntityScorer() {
    }

    public static EntityScore score(EntityCase c, ExtractedEntities answer) {
        return category(c.persons(), answer.persons()).plus(category(c.places(), answer.places()));
    }

    /** Everything expected is missed: the score of an answer that could not be read. */
    public static EntityScore unanswered(EntityCase c) {
        return category(c.persons(), List.of()).plus(category(c.places(), List.of()));
    }

    static EntityScore category(List<ExpectedEntity> expected, List<String> answered) {
        Map<String, Integer> byForm = new LinkedHashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            for (String form : expected.get(i).forms()) {
                byForm.putIfAbsent(EntityNames.normalize(form), i);
            }
        }
        Set<Integer> found = new LinkedHashSet<>();
        Map<String, String> spurious = new LinkedHashMap<>();
        for (String name : answered) {
            String normal = EntityNames.normalize(name);
            if (normal.isEmpty()) {
                continue;
            }
            Integer hit = byForm.get(normal);
            if (hit != null) {
                found.add(hit);
            } else {
                spurious.putIfAbsent(normal, name);
            }
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!found.contains(i)) {
                missed.add(expected.get(i).name());
            }
        }
        return new EntityScore(found.size(), spurious.size(), missed.size(), List.copyOf(spurious.values()), missed);
    }
}
