package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a schema-valid entity case ({@code entities}, or {@code kannada} with {@code kind: entities})
 * into an {@link EntityCase}, checking that every expected entity is named in the text under one
 * of its forms and that no form belongs to two entities.
 */
final class EntityCaseReader {

    private EntityCaseReader() {
    }

    static Optional<EntityCase> read(CaseFile source, JsonNode tree, Problems problems) {
        int before = problems.list().size();
        String text = tree.get("text").asText();
        String haystack = KeyPhrases.normalize(text);
        Map<String, String> owners = new HashMap<>();
        List<ExpectedEntity> persons = entities(tree.path("expect").path("persons"), "$.expect.persons", haystack,
                owners, source, problems);
        List<ExpectedEntity> places = entities(tree.path("expect").path("places"), "$.expect.places", haystack,
                owners, source, problems);
        if (problems.list().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new EntityCase(source, CaseFields.text(tree, "description"), tree.get("instruction").asText(),
                text, persons, places, CaseFields.maxTokens(tree), CaseFields.temperature(tree), CaseFields.tags(tree)));
    }

    private static List<ExpectedEntity> entities(JsonNode list, String path, String haystack, Map<String, String> owners,
                                                 CaseFile source, Problems problems) {
        List<ExpectedEntity> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String at = path + "[" + i + "]";
            ExpectedEntity entity = node.isTextual() ? new ExpectedEntity(node.asText(), List.of())
                    : new ExpectedEntity(node.get("name").asText(), CaseFields.strings(node.get("aliases")));
            if (entity.forms().stream().noneMatch(f -> haystack.contains(KeyPhrases.normalize(f)))) {
                problems.add(source.displayName(), at, "neither '" + entity.name() + "' nor its aliases appear in the"
                        + " text; add the form the text uses as an alias");
            }
            for (String form : entity.forms()) {
                String normal = EntityNames.normalize(form);
                String owner = owners.putIfAbsent(normal, at);
                if (owner != null && !owner.equals(at)) {
                    problems.add(source.displayName(), at, "the form '" + form + "' also names the entity at " + owner
                            + "; a name must identify one entity");
                }
            }
            out.add(entity);
        }
        return out;
    }
}
